"""A journal of thousands of entries: drawn a window at a time, yet every entry is found and reached."""

from helpers import go_to, open_app, write_reflection
from playwright.sync_api import Page, expect
from test_sync import SYNC_SECONDS, register, sign_in, sync_state

# Written straight into the device's database in one transaction, as sync stores pulled entries:
# three a day going back from an hour ago; every 500th (counting from 250) is about the society
# circle, the oldest mentions a zeppelin.
SEED = """async (count) => {
  const { transact } = await import('/static/js/data/db.js');
  const { localDay } = await import('/static/js/method/dates.js');
  const newest = Date.now() - 3600 * 1000;
  await transact(['entries'], 'readwrite', (tx) => {
    const store = tx.objectStore('entries');
    for (let index = 0; index < count; index += 1) {
      const created = new Date(newest - index * 8 * 3600 * 1000);
      const oldest = index === count - 1 ? ' The day of the zeppelin.' : '';
      store.put({
        id: crypto.randomUUID(), kind: 'reflection', day: localDay(created),
        created_at: created.toISOString(), updated_at: created.toISOString(),
        text: `Entry ${index}: a walk in the garden.${oldest}`,
        circles: [index % 500 === 250 ? 'society' : 'self'],
        energy: 3, meaning: 3, engagement: null, question_id: null,
        question_text: 'What gave you energy?', conflict_of: null, shared_with: [],
        deleted: false, version: index + 1, sync: 'synced',
      });
    }
  }, { durability: 'relaxed' });
}"""

OLDEST = "The day of the zeppelin."


def seed(page: Page, count: int) -> None:
    """Put count entries on the device, then open the journal."""
    open_app(page)
    page.evaluate(SEED, count)
    page.goto("/journal")
    expect(page.get_by_role("article").first).to_be_visible()


def test_scrolling_reaches_the_oldest_entry_with_one_heading_a_day(page):
    """Of 2,000 entries only a window is drawn; scrolling adds older ones down to the oldest."""
    seed(page, 2000)
    assert page.get_by_role("article").count() < 100
    expect(page.get_by_text(OLDEST)).to_have_count(0)
    last = page.get_by_role("article").last
    for _ in range(300):
        if page.get_by_text(OLDEST).count():
            break
        drawn = last.inner_text()
        page.evaluate("scrollTo(0, document.body.scrollHeight)")
        expect(last).not_to_have_text(drawn)  # an older window was drawn
    expect(page.get_by_text(OLDEST)).to_be_visible()
    headings = page.locator(".journal-list h2").evaluate_all("(all) => all.map((h) => h.id)")
    assert len(headings) == len(set(headings)), "a day split over two windows got two headings"
    assert len(headings) == page.evaluate(
        "new Set([...document.querySelectorAll('.journal-list article')]"
        ".map((a) => a.closest('section').querySelector('h2').id)).size"
    )


def test_search_finds_an_entry_that_is_not_drawn_yet(page):
    """Searching at once, before the older entries are read, still finds the oldest one."""
    seed(page, 3000)
    page.get_by_role("searchbox", name="Search").fill("zeppelin")
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("article")).to_contain_text("Entry 2999")
    expect(page.get_by_text("No reflections found")).to_have_count(0)


def test_a_filter_finds_entries_that_are_not_drawn_yet(page):
    """The society circle is in six old entries only; its filter shows exactly those."""
    seed(page, 3000)
    expect(page.locator("article", has_text="Entry 250:")).to_have_count(0)
    page.get_by_text("Filters", exact=True).click()
    page.locator(".journal-filters").get_by_role("button", name="Society").click()
    articles = page.get_by_role("article")
    expect(articles).to_have_count(6)
    expect(articles.first).to_contain_text("Entry 250:")
    expect(articles.last).to_contain_text("Entry 2750:")


def test_the_button_alone_reaches_every_entry(page):
    """Where scrolling loads nothing (a screen reader's cursor), "Show older entries" reaches all."""
    page.add_init_script(
        "window.IntersectionObserver = class { observe() {} unobserve() {} disconnect() {} };"
    )
    seed(page, 300)
    articles = page.get_by_role("article")
    button = page.get_by_role("button", name="Show older entries")
    shown = articles.count()
    assert shown < 50
    while button.is_visible():
        button.focus()
        page.keyboard.press("Enter")
        expect(articles).not_to_have_count(shown)
        shown = articles.count()
    expect(articles.last).to_contain_text(OLDEST)
    expect(articles.last).to_have_attribute("aria-posinset", "300")
    expect(articles.last).to_have_attribute("aria-setsize", "300")
    expect(page.get_by_role("status").filter(has_text="Showing 300 of 300")).to_be_attached()


def test_a_sync_keeps_search_filter_edit_and_scroll(make_context):
    """A types a search while B's new entry arrives: text, filter, edit, focus and place all stay."""
    phone, laptop = make_context(), make_context()
    a, b = phone.new_page(), laptop.new_page()
    open_app(a)
    register(a, "eva@example.org")
    seed(a, 500)
    a.get_by_text("Filters", exact=True).click()
    a.locator(".journal-filters").get_by_label("Reflection").check()
    search = a.get_by_role("searchbox", name="Search")
    search.fill("walk")
    a.locator("article", has_text="Entry 2:").get_by_role("button", name="Edit").click()
    a.get_by_role("textbox", name="Your reflection").fill("Entry 2, half rewritten")
    search.focus()
    a.keyboard.type(" in")
    reading = a.locator("article", has_text="Entry 5:")
    reading.evaluate("(element) => element.scrollIntoView()")
    top_before = reading.evaluate("(element) => element.getBoundingClientRect().top")
    assert a.evaluate("scrollY") > 0

    b.goto("/login")
    sign_in(b, "eva@example.org")
    write_reflection(b, "Our walk in the park, from the laptop")
    expect(sync_state(b)).to_have_text("All synced", timeout=SYNC_SECONDS)
    # A's own sync, every 10 s while open, brings it in while the search box has the focus.
    expect(a.locator("article", has_text="from the laptop")).to_have_count(1, timeout=SYNC_SECONDS)
    top_after = reading.evaluate("(element) => element.getBoundingClientRect().top")
    assert abs(top_after - top_before) <= 2, "the entry being read moved"
    expect(search).to_be_focused()
    expect(search).to_have_value("walk in")
    expect(a.locator(".journal-filters").get_by_label("Reflection")).to_be_checked()
    expect(a.get_by_role("textbox", name="Your reflection")).to_have_value(
        "Entry 2, half rewritten"
    )
    expect(a.get_by_role("article").first).to_contain_text("from the laptop")
    a.keyboard.type(" the")
    expect(search).to_have_value("walk in the")
    expect(a.get_by_role("textbox", name="Your reflection")).to_have_value(
        "Entry 2, half rewritten"
    )


def test_tapping_the_journal_tab_keeps_the_typed_search(page):
    """The Journal tab tapped on the Journal goes back to the top; the typed search stays."""
    seed(page, 300)
    search = page.get_by_role("searchbox", name="Search")
    search.press_sequentially("zepp")
    expect(page.get_by_role("article")).to_have_count(1)
    go_to(page, "Journal")
    expect(search).to_have_value("zepp")
    search.press("End")
    search.press_sequentially("elin")
    expect(search).to_have_value("zeppelin")
    expect(page.get_by_role("article")).to_have_count(1)


def test_jumping_to_a_day_not_drawn_yet_draws_down_to_it(page):
    """The calendar's day from last month, far below the window, is drawn and its heading focused."""
    seed(page, 300)
    page.get_by_text("Jump to a day").click()
    page.get_by_role("button", name="Previous month").click()
    day = page.locator(".month-calendar td button").first
    expect(day).to_be_visible()
    drawn_before = page.locator(".journal-list h2").evaluate_all("(all) => all.map((h) => h.id)")
    day.click()
    heading = page.locator(".journal-list h2:focus")
    expect(heading).to_have_count(1)
    assert heading.get_attribute("id") not in drawn_before
    expect(heading.locator("xpath=..").get_by_role("article").first).to_be_in_viewport()
