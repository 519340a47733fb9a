"""The safety words, in code: the safety questions and what a yes to each means, the question
about children, the message for a person for whom reconnecting is unsafe, and the parts of the
safety plan. Plain Python data and no Django imports, so that every string can later be
wrapped for gettext."""

from typing import NamedTuple

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

# The private safety plan, in two parts.
#
# First the steps of the Safety Planning Intervention (Stanley B, Brown GK. Cognitive and
# Behavioral Practice, 2012), in its order: a person works down the list until they are safe,
# so the order is part of the plan. Its six steps, then its closing question about reasons for
# living ("the one thing that is most important to me and worth living for").
#
# Then the parts that domestic-abuse services add when the danger comes from a partner or ex
# (Women's Aid in England, Refuge, the US National Domestic Violence Hotline): optional, shown
# collapsed until opened or written in.
#
# Every part: the model field that stores it, its heading, what to write and an example (in our
# own words), and what it implements (for the sources on the page and the table in
# docs/program.md).


class PlanPart(NamedTuple):
    field: str
    heading: str
    prompt: str
    example: str
    implements: str


SAFETY_PLAN_STEPS = [
    PlanPart(
        "warning_signs",
        "Warning signs",
        "What tells you a crisis may be building: thoughts, feelings or things you do, what "
        "they say or do, or a situation that comes first.",
        "For example: their tone changes; messages arriving late at night; I stop sleeping; I "
        "start thinking nothing will ever change.",
        "Step 1: warning signs that a crisis may be developing",
    ),
    PlanPart(
        "coping",
        "My own ways to cope",
        "Things you can do on your own, without contacting anyone, to calm down or take your "
        "mind off it for a while.",
        "For example: slow breathing, in for four and out for six; a hot shower; a walk round "
        "the block; the playlist that steadies me.",
        "Step 2: internal coping strategies",
    ),
    PlanPart(
        "distractions",
        "People and places that take my mind off things",
        "People you can be with, and places you can go, that lift you out of it, even without "
        "talking about what is wrong.",
        "For example: coffee with Sam; the library; the swimming pool; my cousin's kitchen.",
        "Step 3: people and social settings that provide distraction",
    ),
    PlanPart(
        "help_people",
        "People I can ask for help",
        "People you trust to help when things are bad, and how to reach them. A code word can "
        "tell someone you need help without saying it.",
        "For example: my sister (code word \u201cumbrella\u201d); my neighbour at number 12; "
        "Alex from work.",
        "Step 4: people I can ask for help",
    ),
    PlanPart(
        "professional_help",
        "Professionals and services",
        "Helplines, services and professionals you can contact, with their numbers and hours, "
        "and the emergency number where you live. The Safety page lists helplines for your "
        "country.",
        "For example: a domestic abuse helpline and its hours; a crisis line; my doctor; the "
        "emergency number (999 in the UK, 911 in the US and Canada, 112 across the EU).",
        "Step 5: professionals and agencies to contact in a crisis, and the emergency number",
    ),
    PlanPart(
        "safer_surroundings",
        "Making my surroundings safer",
        "What you can put out of reach, move or change so that a hard moment is less dangerous: "
        "things you might use to hurt yourself, weapons, a room you can get out of.",
        "For example: medicines kept at a friend's; knives out of sight; the room with a lock "
        "and a way out; a spare key hidden outside.",
        "Step 6: making the environment safe",
    ),
    PlanPart(
        "reasons_for_living",
        "My reasons for living",
        "The people, hopes and things that matter most to you and make life worth living, to "
        "read when they are hard to remember.",
        "For example: my children; my dog; finishing my course; seeing the sea again.",
        "Reasons for living: the one thing most important to me and worth living for",
    ),
]

SAFETY_PLAN_OPTIONAL = [
    PlanPart(
        "children",
        "Children",
        "How the children can stay safe: what they know to do and say, where they can go, who "
        "collects them, and who at school or nursery knows.",
        "For example: they know to go to Mrs K next door and call the emergency number; only "
        "Gran or I collect them; the school has a copy of the order.",
        "Abuse safety planning: children",
    ),
    PlanPart(
        "pets",
        "Pets",
        "Who could look after your pets if you had to leave quickly, and what you would need "
        "for them. Some refuges and services can help with pets.",
        "For example: Jo will take the cat; vet records and microchip papers in my bag.",
        "Abuse safety planning: pets",
    ),
    PlanPart(
        "phone_location",
        "Phone, accounts and location",
        "What they could see or track: shared accounts and passwords, location sharing, "
        "tracking apps or devices, shared cloud photos, a family phone plan. Note what to "
        "change and when it is safe to: a sudden change can alert them.",
        "For example: turn off location sharing once I have left; a new email address only I "
        "know; leave the shared photo album; ask a helpline to check the car for a tracker.",
        "Abuse safety planning: phone and location safety (technology)",
    ),
    PlanPart(
        "documents_money",
        "Documents, money and things to keep ready",
        "What you would need if you had to leave quickly, and where it is kept: somewhere only "
        "you, or someone you trust, can reach. Money of your own too, if you can.",
        "For example: passport, birth certificates and bank cards (copies at Jo's); keys; "
        "medicines; phone charger; some cash; an account in my name only.",
        "Abuse safety planning: documents, money and a bag kept ready",
    ),
    PlanPart(
        "evidence",
        "Keeping a record",
        "Where you keep a record of what happens, out of their reach: dates, what was said or "
        "done, injuries, messages, who saw it. It can help with the police, a court or housing.",
        "For example: screenshots sent to an email only I know; my doctor has noted my "
        "injuries; a diary kept at work.",
        "Abuse safety planning: keeping evidence",
    ),
    PlanPart(
        "protective_orders",
        "Protective orders",
        "An order that protects you (its name depends on the country: protection, "
        "non-molestation or restraining order): what it says, where the copies are and who "
        "has one. Or who can help you apply.",
        "For example: a copy in my bag, one at the school and one at work; the duty "
        "solicitor's number; call the police if it is broken.",
        "Abuse safety planning: protective orders",
    ),
    PlanPart(
        "after_leaving",
        "After leaving",
        "Staying safe once you have left: routines and routes, who knows your new address, "
        "locks, what to tell work, school or neighbours, and support for the weeks after.",
        "For example: a different way to work; new locks; the school knows who may collect; "
        "a weekly call with my support worker.",
        "Abuse safety planning: after leaving",
    ),
]

SAFETY_PLAN_SECTIONS = [*SAFETY_PLAN_STEPS, *SAFETY_PLAN_OPTIONAL]

# Named on the plan page and the printed plan: (what, a plain link to it or ""). The wording
# of every part is ours.
SAFETY_PLAN_SOURCES = [
    (
        "Stanley B, Brown GK. Safety Planning Intervention: a brief intervention to mitigate "
        "suicide risk. Cognitive and Behavioral Practice, 2012; 19: 256\u2013264.",
        "",
    ),
    (
        "Women's Aid (England), The Survivor's Handbook: making a safety plan.",
        "https://www.womensaid.org.uk/information-support/the-survivors-handbook/",
    ),
    (
        "Refuge (England), on safety planning and on tech safety.",
        "https://refugetechsafety.org/",
    ),
    (
        "The National Domestic Violence Hotline (United States), on safety planning.",
        "https://www.thehotline.org/",
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
