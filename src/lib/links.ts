/** Safe link targets for untrusted text: only mailto:, tel: and http(s): ever become links. */

// Deliberately plain: enough to tell an address from free text such as "javascript:…".
const emailPattern = /^[^\s@:/<>"]+@[^\s@:/<>"]+\.[^\s@:/<>"]+$/;

export function mailtoHref(email: string): string | null {
  return emailPattern.test(email) ? `mailto:${email}` : null;
}
