"""The safety words, in code: the safety questions and what a yes to each means, the question
about children, the message for a person for whom reconnecting is unsafe, and the parts of the
safety plan. Plain Python data and no Django imports, so that every string can later be
wrapped for gettext."""

# First-time safety check questions: (key, question) tuples; any "yes" shows SAFETY_MESSAGE.
SAFETY_QUESTIONS = [
    ("violence", "Did your ex ever hurt you physically, or threaten to?"),
    (
        "threats",
        "Did your ex ever threaten or intimidate you, or try to frighten you into doing what they wanted?",
    ),
    (
        "controlled",
        "Did your ex try to control or keep watch over you, for example your money, your phone, who you saw or where you went?",
    ),
    ("afraid", "Did you ever feel afraid of your ex?"),
]

# What each "yes" to a safety question means, named back to the person in their exercises.
SAFETY_CONCERNS = {
    "violence": "your ex hurt you, or threatened to",
    "threats": "your ex threatened or intimidated you",
    "controlled": "your ex tried to control or keep watch over you",
    "afraid": "you have felt afraid of your ex",
}

# The person's situation besides their safety, asked with the safety questions and stored
# with their answers; never a safety concern. (key, question) tuples.
SITUATION_QUESTIONS = [
    ("children", "Do you share children with your ex, or care for children together?"),
]

# Message shown when any safety answer is yes.
SAFETY_MESSAGE = (
    "Thank you for telling us. From what you've shared, getting back together "
    "is not the goal here, and this program won't push you towards it. You "
    "deserve to be safe. The Safety page lists places where you can find help "
    "and support. The self-care check-ins and your journal are still here for "
    "you whenever you want them. You stay in charge, and you can change your "
    "answers at any time."
)

# The private safety plan: (field, heading, what to write, examples). Its parts follow the
# Stanley-Brown Safety Planning Intervention (warning signs, ways to cope, people and places,
# professional help, making things safer), adapted with the personal safety-planning steps
# that domestic-abuse services describe (safe places, code words, a bag and documents ready).
SAFETY_PLAN_SECTIONS = [
    (
        "warning_signs",
        "Warning signs",
        "What tells you things are getting unsafe or too much: in them, in a situation, or in "
        "yourself?",
        "For example: their tone changes; messages arriving late at night; I stop sleeping.",
    ),
    (
        "staying_safe",
        "Ways to stay calm and safe",
        "What you can do on your own to calm down or keep yourself safe: a safe room or exit, a "
        "route out, something that steadies you.",
        "For example: slow breathing; going to the room with a lock and a way out; walking to the "
        "corner shop.",
    ),
    (
        "people_places",
        "People and places to reach",
        "People you trust and places where you are safe and not alone, with how to reach them. "
        "A code word can let someone know you need help without saying it.",
        "For example: my sister (code word \u201cumbrella\u201d); the library; my neighbour at "
        "number 12.",
    ),
    (
        "keep_ready",
        "Things and documents to keep ready",
        "What you would need if you had to leave quickly, and where it is kept: somewhere only "
        "you, or someone you trust, can reach.",
        "For example: ID and passport copies, bank cards, keys, medicines, phone charger, some "
        "cash; kept at a friend's.",
    ),
    (
        "professional_help",
        "Professional help",
        "Helplines, services and professionals you can contact, and the emergency number where "
        "you live.",
        "For example: a domestic abuse helpline; my doctor; the emergency number.",
    ),
]

# The danger check: for a person whose safety answers suggest abuse, in place of the decision
# aid about getting back together. A few of the signs that research links to the greatest
# danger, adapted in our own words from Jacquelyn C. Campbell's Danger Assessment
# (dangerassessment.org) and the study behind it (Campbell JC et al., "Risk factors for
# femicide in abusive relationships: results from a multisite case control study", American
# Journal of Public Health, 2003). Not the Danger Assessment itself: no calendar, no weights,
# no score. (key, question, what a yes means, in the person's terms) tuples, in the order asked.
DANGER_QUESTIONS = [
    (
        "escalating",
        "Over the past year, has the physical violence happened more often, or got worse?",
        "the violence has happened more often or got worse over the past year",
    ),
    (
        "strangled",
        "Have they ever choked or strangled you, or tried to stop you breathing?",
        "they have choked or strangled you, or tried to stop you breathing",
    ),
    (
        "weapon",
        "Do they own a gun, or could they get hold of a gun or another weapon?",
        "they own a gun or could get hold of a weapon",
    ),
    (
        "threats_to_kill",
        "Have they threatened to kill you, or to kill themselves or the children?",
        "they have threatened to kill you, themselves or the children",
    ),
    (
        "jealous_control",
        "Are they violently and constantly jealous, or do they try to control most of what you "
        "do day to day?",
        "they are violently jealous or controlling of your daily life",
    ),
    (
        "left",
        "Have you left them, or tried to leave, in the past year?",
        "you have left them, or tried to, in the past year",
    ),
    (
        "forced_sex",
        "Have they ever forced you to have sex when you did not want to?",
        "they have forced you to have sex",
    ),
    (
        "pregnant",
        "Have they ever hurt or threatened you while you were pregnant?",
        "they have hurt or threatened you while you were pregnant",
    ),
    (
        "capable",
        "Do you believe they are capable of killing you?",
        "you believe they are capable of killing you",
    ),
]

# Questions where "not sure" is itself a reason for the urgent next step: a person who can't
# rule out strangulation, a weapon or a threat to kill should hear it as clearly as a yes.
DANGER_NOT_SURE_IS_URGENT = ("strangled", "weapon", "threats_to_kill")

DANGER_CHECK_TITLE = "A danger check"

DANGER_CHECK_INTRO = (
    "A few questions about the signs that research links to the greatest danger from a "
    "partner or an ex: the signs found most often where someone was killed, or nearly killed, "
    "by the person who had abused them. Answer yes, no or not sure. You can change your "
    "answers at any time."
)

DANGER_CHECK_IS_NOT = (
    "This is not a diagnosis and not a score, and it cannot tell you what will happen. No list "
    "of questions knows your situation as you do: if you feel in danger, trust that, whatever "
    "your answers here."
)

DANGER_CHECK_SOURCE = (
    "The questions are adapted, in our own words, from the Danger Assessment by Jacquelyn C. "
    "Campbell (dangerassessment.org), and from the study behind it: Campbell JC and colleagues, "
    "\u201cRisk factors for femicide in abusive relationships\u201d, American Journal of "
    "Public Health, 2003. This is not the Danger Assessment itself, which trained advocates "
    "go through and score with you; a domestic-abuse helpline can do that with you."
)

DANGER_CHECK_PRIVATE = "Your answers are private and encrypted. Only you can see them."

# Shown above everything else on the page after any yes (or a "not sure" that counts).
DANGER_URGENT_TITLE = "Your answers include signs of serious danger"
DANGER_URGENT_BODY = (
    "Please don't carry this alone. Talk to a domestic-abuse service soon, today if you can: "
    "they can help you plan how to stay safe, whatever you decide, and it is free and "
    "confidential. If you are in danger right now, call the emergency number."
)
DANGER_URGENT_LEAVING = (
    "Leaving, or getting ready to leave, can be the most dangerous time. A helpline can help "
    "you plan it safely."
)

# After every answer no.
DANGER_CALM = (
    "From your answers, none of these signs is there now. That is good to know. Signs can "
    "change, so they are still worth watching, and you can come back to these questions at any "
    "time. Help is there anyway, whenever you want it: the Safety page lists places to talk "
    "to, and your safety plan is yours to keep up to date."
)

# No yes, but "not sure" somewhere the urgent step does not cover.
DANGER_UNSURE = (
    "You weren't sure about some of these, and that's all right. Talking it through with a "
    "domestic-abuse helpline can help you make sense of what has happened, without anyone "
    "telling you what to do."
)

# The danger check in the personal summary, after the answers.
DANGER_SUMMARY = {
    "urgent": "Your answers include signs of serious danger. Please talk to a domestic-abuse "
    "service; the Safety page lists them, with the emergency number.",
    "calm": "None of these signs, from your answers. They are still worth watching.",
    "unsure": "You weren't sure about some of these. A domestic-abuse helpline can help you "
    "think them through.",
}
