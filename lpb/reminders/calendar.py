"""The private calendar feed as iCalendar: one weekly recurring event on the chosen days."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar

from lpb import clock
from lpb.i18n import TEXTS
from lpb.models import CalendarFeed

CALENDAR_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def first_day(feed: CalendarFeed, zone: ZoneInfo) -> date:
    """Return the first chosen weekday from the day the schedule was saved (DTSTART's day)."""
    day = feed.scheduled_at.astimezone(zone).date()
    while not feed.weekdays & (1 << day.weekday()):
        day += timedelta(days=1)
    return day


def feed_calendar(feed: CalendarFeed, url_root: str) -> icalendar.Calendar:
    """Return the feed as a calendar that links to the app at url_root."""
    texts = TEXTS[feed.lang]
    zone = ZoneInfo(feed.time_zone)
    start = datetime.combine(first_day(feed, zone), time.fromisoformat(feed.remind_at), zone)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Levensloopbaan//Reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Levensloopbaan")
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    event = icalendar.Event()
    event.add("uid", f"reminder-{feed.user_id}@levensloopbaan")
    event.add("dtstamp", clock.now())
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=5))
    event.add(
        "rrule",
        {
            "freq": "weekly",
            "byday": [day for i, day in enumerate(CALENDAR_DAYS) if feed.weekdays & (1 << i)],
        },
    )
    event.add("summary", texts["reminder_title"])
    event.add("description", texts["reminder_body"])
    event.add("url", url_root)
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", texts["reminder_title"])
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar
