/** The page a DOM test writes its fragment into, and the reset after each test (the page's language too). */
export const signal = () => new AbortController().signal;

export const html = (markup: string) => {
  document.body.innerHTML = markup;
};

export function clearPage(): void {
  document.body.innerHTML = '';
  document.documentElement.lang = '';
}
