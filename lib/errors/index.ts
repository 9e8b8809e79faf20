// Public API of lib/errors: the one error shape (code + message with cause and fix) every catalogue builds on.
export {
  CrosswalkError,
  UNEXPECTED,
  describeError,
  errorCode,
  errorInfo,
  errorMessage,
  type ErrorInfo,
} from './crosswalk-error';
