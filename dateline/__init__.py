"""dateline: turn news reports into chronological timelines, with every date explained."""

__version__ = "0.1.0"
