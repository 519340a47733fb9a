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
