"""Race dates: where a plan starts so that race day falls in its last week. Pure date arithmetic."""

from __future__ import annotations

import datetime as dt


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def start_for_race(race: dt.date, weeks: int) -> dt.date:
    """Week 1 starts on the Monday `weeks` - 1 weeks before the Monday of race week: the race falls
    in the plan's last week, whatever day of that week it is."""
    return monday_of(race) - dt.timedelta(weeks=weeks - 1)


def weeks_left(race: dt.date, today: dt.date) -> int:
    """Whole weeks a plan can still have: from the first Monday not before today to race week."""
    first = today if today.weekday() == 0 else monday_of(today) + dt.timedelta(weeks=1)
    return max(0, (monday_of(race) - first).days // 7 + 1)


def weeks_to_race(week: int, race_week: int) -> int:
    """How many weeks after `week` the race week comes: 0 in race week itself."""
    return race_week - week
