"""Where things are on the page, for the layout checks: a box that is known to be laid out."""

from playwright.sync_api import FloatRect, Locator, Page


def box_of(element: Locator) -> FloatRect:
    """Return where a visible element is; fail the test where it is not laid out."""
    box = element.bounding_box()
    assert box is not None, f"{element} is not laid out"
    return box


def viewport_height(page: Page) -> int:
    """Return the page's viewport height (every test page has a viewport)."""
    size = page.viewport_size
    assert size is not None
    return size["height"]
