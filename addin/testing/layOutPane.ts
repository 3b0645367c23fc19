/**
 * Gives the pane tests' page the little layout a task pane has and jsdom lacks: jsdom lays
 * nothing out (every box measures 0 × 0 and no element has an `offsetParent`).
 *
 * Why the tests need it: tabster (Fluent's focus manager) takes an element for visible only when
 * the body has a size and the element an `offsetParent`. Without them, an opening Fluent `Dialog`
 * finds no button to focus and focuses its own surface. Tabster activates the dialog's modal area
 * when the focus lands inside it, but on the surface itself only if it has registered the area by
 * then — and which of the two asynchronous steps comes first varies with the machine's load. When
 * the focus comes first, the area stays inactive and tabster's next update (a 250 ms timer) marks
 * the open dialog `aria-hidden="true"`: a dialog without an accessible name, which a query by role
 * and name never finds („Blätter ersetzen?“ not found within 30 s). With this layout the dialog
 * focuses its first button („Abbrechen“) as in a browser, and the area is activated whichever
 * step comes first.
 */
export function layOutPane(width = 340, height = 800): void {
  document.body.getBoundingClientRect = () => new DOMRect(0, 0, width, height);
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement): Element | null {
      return offsetParentOf(this);
    },
  });
}

/** As in a browser: none for the body and for what is not displayed, else (simplified) the parent. */
function offsetParentOf(element: HTMLElement): Element | null {
  if (element === document.body) return null;
  for (let current: HTMLElement | null = element; current; current = current.parentElement) {
    if (current.hidden || current.style.display === "none") return null;
  }
  return element.parentElement;
}
