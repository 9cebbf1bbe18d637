package org.flatspace.e2e;

import java.util.function.Predicate;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * Drives a page with the keyboard only: keys go to whatever has the focus, as a person's would,
 * and where the focus is reads as a path from the focused element up through shadow roots, e.g.
 * {@code input < vaadin-combo-box#function < vaadin-form-layout}.
 */
final class Keyboard {

    private final Browser browser;

    Keyboard(Browser browser) {
        this.browser = browser;
    }

    /** Presses the keys (a text types its characters) on the focused element, then waits for the server. */
    Keyboard press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
        browser.settle();
        return this;
    }

    /** Holds a modifier (Shift, Control) down while pressing the keys, as a person does. */
    Keyboard holding(Keys modifier, CharSequence... keys) {
        new Actions(browser.driver()).keyDown(modifier).sendKeys(keys).keyUp(modifier).perform();
        browser.settle();
        return this;
    }

    /** Types a text, a character at a time, as a person would. */
    Keyboard type(String text) {
        return press(text);
    }

    /** Presses Tab until the focus is where the description says, at most {@code max} times. */
    Keyboard tabTo(Predicate<String> where, int max, String what) {
        for (int i = 0; i <= max; i++) {
            if (where.test(focus())) {
                return this;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("Tab " + max + " times did not reach " + what + "; the focus is on " + focus());
    }

    /** Where the focus is: the focused element and its ancestors, across shadow roots, with ids, paths, slots and ARIA labels. */
    String focus() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                let e = document.activeElement;
                while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }
                const path = [];
                while (e && e !== document.documentElement) {
                    let part = e.tagName.toLowerCase();
                    if (e.id) { part += '#' + e.id; }
                    for (const name of ['path', 'slot']) {
                        if (e.getAttribute && e.getAttribute(name) !== null) { part += '[' + name + '=' + e.getAttribute(name) + ']'; }
                    }
                    if (e.getAttribute && e.getAttribute('aria-label')) { part += '[' + e.getAttribute('aria-label') + ']'; }
                    path.push(part);
                    e = e.parentElement || (e.getRootNode && e.getRootNode().host);
                }
                return path.join(' < ');""");
    }

    /** The text of the grid row that holds the focus, its cells joined by " | ". */
    String focusedRow(String gridId) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                const grid = document.getElementById(arguments[0]);
                const cell = grid.shadowRoot.activeElement;
                const row = cell && cell.closest('tr');
                if (!row) { return ''; }
                return [...row.querySelectorAll('td')].map(td => {
                    const slot = td.querySelector('slot');
                    const content = slot && slot.assignedElements()[0];
                    return content ? content.innerText.trim() : '';
                }).join(' | ');""", gridId);
    }
}
