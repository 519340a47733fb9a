"""Which words a person reads: the program written for their situation (safety.situation_for,
the one place it is read). For every page that shows the program's words outside a stage page:
the dashboard, the journal, the reminders' emails."""

from safety.situation import Situation, situation_for

from . import content


def program_for(user, situation: Situation | None = None) -> content.Program:
    return content.for_reader(situation or situation_for(user))
