/** Sizes in messages: whole megabytes above 1 MB (a limit reads "256 MB", not "268435456 bytes"). */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.ceil(n / 1024)} KB`;
}
