// Text boxes a person cannot see or type into though the element is "rendered": libraries park helper
// inputs in the form with opacity 0 or no height so browser autofill still reaches them (form.io's select
// "autocomplete" input: opacity:0; height:0). Radios and checkboxes are exempt: styled ones hide the
// native input and show their label instead (controls.ts handles those).
export function collapsedTextbox(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function' && !check.call(el, { opacityProperty: true, visibilityProperty: true })) return true;
  const r = el.getBoundingClientRect();
  return r.width < 2 || r.height < 2;
}
