"""For a parent who shares children, or cares for children, with an ex who hurt, threatened,
controlled or frightened them: both an unsafe reader and a co-parent.

Everything in unsafe.py holds: getting back together is not the goal, and nothing coaches
contact, apology, reconciliation or self-blame. What this file adds is the children. Contact
about them is arranged safely, through a third party, a contact centre or a court order, never
by meeting the ex alone; mediation is not assumed to be suitable; every contact is recorded.
It never tells the reader to end the children's contact with their other parent on their own,
because arrangements for children may be set by a court: it sends them to a domestic abuse
service for advice instead. Fields left out fall back to unsafe.py, then coparent.py, then
everyone.py.

Body text conventions as in everyone.py: paragraphs separated by one blank line, a line starting
with "- " is a bullet, no HTML and no Markdown. "Safety page" becomes a link to the Safety page;
"your safety plan" is the private, printable plan in the app. Not therapy or legal advice.
"""

from .unsafe import IS_IT_ABUSE

SECTIONS: dict[str, dict] = {
    "introduction": {
        "body": """\
Thank you for answering the safety check. From what you shared, getting back together is not the goal here, and nothing in this program will push you towards your ex. You deserve to be safe, and so do your children.

When you share children with someone who has hurt, threatened or controlled you, keeping apart isn't simple. Arrangements for the children may mean some contact has to go on, and in some cases a court has already set them. This program won't ask you to handle that alone or face to face. It points you to safer ways of making arrangements for the children, through other people, and to services that can advise you.

The program keeps its shape, seven stages and a few closing pages, but the path is about you and the children: keeping everyone as safe as possible, looking after yourself, making sense of what happened, and building a life that is yours. Go at your own pace; nothing is locked.

If you or the children are in danger right now, call your local emergency number.

A few things are here for you on every page:
- The Safety page lists helplines and support services for your country. Domestic abuse services can advise on arrangements for children, too.
- Your safety plan is a private, printable list you write while things are calm, for when they are not. It can include the children.
- The Quick exit button at the top of every page leaves this site at once.
- Your journal and the daily self-care check-in are private to you.

This program is self-help, not therapy or legal advice, and it can't judge your situation for you. It can keep you company while you think, and point you to people who can help.""",
        "key_points": [
            "Getting back together is not the goal here; your safety and the children's are.",
            "Arrangements for the children can be made safely, through other people.",
            "Get advice from a domestic abuse service before changing arrangements for the "
            "children.",
            "In danger right now? Call your local emergency number.",
            "Your safety plan can include the children.",
        ],
    },
    "time-and-space": {
        "title": "Safe arrangements for the children",
        "summary": (
            "Contact about the children can be made safer: through a third party, a contact "
            "centre, or a court order where needed. Keep a record, never meet alone, and get "
            "advice from a domestic abuse service before changing arrangements."
        ),
        "body": """\
When you share children with someone who has hurt or frightened you, you may not be able to keep all the distance you'd like, and you shouldn't have to manage contact on your own. There are safer ways to make arrangements for the children, and people whose job is to help.

Ways many parents in your position keep contact about the children safer:
- Arrange things through a third party: a solicitor, a family support worker, or another person who is safe for you.
- Use a supervised or supported child contact centre, where visits or handovers happen with staff nearby.
- Hold handovers in a busy public place, or at a contact centre, so you never meet your ex alone.
- Keep any direct contact in writing, about the children only, and through one channel.
- Where it's needed, a court order can set out who sees the children, when and how.

Mediation is often not suitable where there has been abuse, because it asks you to negotiate with someone who has frightened you. Ask a specialist domestic abuse service before you agree to it.

Keep a record of every contact: the date and time, what was said, anything that worried you, and any handovers that were missed, late or difficult. Save messages somewhere your ex can't reach. “A record of contact”, on this stage, is private to you, and a dated record can matter if you ever need to show a solicitor or a court what happened.

Never meet your ex alone, including to talk about the children.

Please don't change the children's arrangements, or stop them seeing their other parent, on your own without advice first. Arrangements for children may have been set by a court, and changing them without advice can cause problems later. If you think the children are at risk, talk to a domestic abuse service or a family solicitor straight away, and in an emergency call your local emergency number.

Your safety plan can include the children:
- What the children know to do if something happens, and who they can call.
- Who collects them, and what happens if plans change.
- Telling their school or nursery who may collect them, and who may not.

Leaving a relationship, or being about to, can be a time of higher risk. Please plan with a helpline if you can; the Safety page lists them for your country.""",
        "key_points": [
            "Arrange contact about the children through a third party or a contact centre.",
            "Hand over the children in a public place or at a contact centre; never meet alone.",
            "Mediation is often not suitable after abuse: ask a specialist service first.",
            "Keep a dated record of every contact.",
            "Get advice before changing arrangements for the children; a court may have set them.",
            "Add the children to your safety plan: what they know to do, who collects them, and "
            "what their school knows.",
        ],
        "prompts": [
            "Which arrangements for the children feel unsafe right now, and who could help me "
            "change them?",
            "Who could help with arrangements, so I don't have to deal with my ex directly?",
            "What do the children need to know to stay safe, in words that suit their age?",
            "What would I want their school or nursery to know?",
        ],
        "faqs": [],
    },
    "faq": {
        "faqs": [
            IS_IT_ABUSE,
            {
                "question": "Why do I still miss them?",
                "answer": (
                    "Because you cared, and perhaps still do, and because you share children, "
                    "who may remind you of them every day. The good days were real, and when a "
                    "relationship swings between hurt and warmth, the bond can be very strong. "
                    "Missing them is common and nothing to be ashamed of. It doesn't mean you "
                    "were wrong to step away. It's a sign you deserve support: talk to someone "
                    "you trust, write in your journal, or call a helpline on the Safety page."
                ),
            },
            {
                "question": "What if they say they've changed?",
                "answer": (
                    "Many people hear this, often more than once, and it's natural to want to "
                    "believe it, especially for the children's sake. Change is possible only "
                    "when the person fully owns the harm they did and keeps working at it, "
                    "usually on a specialist programme, and it shows in how they behave over a "
                    "long time, not in words, gifts or promises. It isn't your job to test it. "
                    "Keep arrangements for the children as they are, safe and on the record, and "
                    "talk to a domestic abuse service before agreeing to anything new."
                ),
            },
            {
                "question": "Do I have to let the children see their other parent?",
                "answer": (
                    "It depends on where you live and on any court order already in place. In "
                    "many places, courts decide arrangements for children by what is best for "
                    "the children, and they can take abuse into account, including by making "
                    "contact supervised. Please don't change arrangements on your own without "
                    "advice first. A domestic abuse service or a family solicitor can tell you "
                    "where you stand, and many can point you to free or low-cost legal help. If "
                    "you think the children are in danger, call your local emergency number."
                ),
            },
            {
                "question": "How can I hand over the children without seeing my ex?",
                "answer": """\
There are several ways, and a domestic abuse service can help you set them up:
- A supported or supervised child contact centre, where staff manage the handover.
- A trusted third person, who is safe for you, doing the handover.
- School or nursery: one parent drops the children off and the other collects them, so you never meet.
- A busy public place, if you must be there, with someone you trust nearby.

Whatever you arrange, write it into your safety plan, and note each handover in your record of contact.""",
            },
            {
                "question": "Do I have to go to mediation?",
                "answer": (
                    "Not necessarily. Mediation is often not suitable where there has been "
                    "abuse, because it asks you to negotiate, face to face or close to it, with "
                    "someone who has frightened you. Many places have exceptions for this. Ask "
                    "a specialist domestic abuse service or a family solicitor before you agree "
                    "to it."
                ),
            },
            {
                "question": "What do I tell the children?",
                "answer": (
                    "Something simple and honest, in words that suit their age. Let them know "
                    "none of this is their fault, that they are loved, and what will happen "
                    "next, such as who will collect them and when. Don't ask them to keep "
                    "secrets, carry messages or report back. Let them know who they can talk "
                    "to, such as a teacher or another adult they trust. A domestic abuse service "
                    "can suggest support for children, too."
                ),
            },
            {
                "question": "Who can I talk to?",
                "answer": (
                    "The Safety page lists domestic abuse helplines and support services for "
                    "your country; many are free and confidential, and they can advise on "
                    "arrangements for children as well as your own safety. A family solicitor, "
                    "your doctor, the children's school, and friends and family you trust can "
                    "help too. If you or the children are in danger, call your local emergency "
                    "number. A call to a helpline can show in your phone's call history, and "
                    "the Safety page explains how to keep that private."
                ),
            },
        ],
    },
}

TEXTS: dict[str, object] = {
    "SPACE_GUIDANCE": {
        "too_soon": (
            "There has been contact in the last few days. When you share children, some "
            "contact may be hard to avoid, and none of it is your fault. Keep it in writing or "
            "through a third party where you can, and save anything they sent. If it worried "
            "you, look at your safety plan or call a helpline on the Safety page. If you or the "
            "children are in danger, call your local emergency number."
        ),
        "balanced": (
            "It's been a few days or more since the last contact you logged. Keeping contact to "
            "the children's arrangements, and through other people where you can, protects you. "
            "Keep noting each contact here with its date; a clear record can matter later."
        ),
        "too_long": (
            "It's been more than a month since the last contact you logged. That distance is "
            "yours, and there's nothing you need to do about it. If arrangements for the "
            "children need sorting out, a solicitor, a support worker or a contact centre can "
            "handle them for you."
        ),
        "none": (
            "Nothing logged yet. If you are in touch about the children, directly or through "
            "someone else, you can note each contact here, with its date and what happened, as "
            "a private record."
        ),
    },
    "CONTACT_LOG_INTRO": (
        "A private, dated record of every contact with your ex, including contact about the "
        "children: when it happened, how, who started it and what was said or done. Note "
        "handovers that were missed, late or worrying, too. Only you can see it. A clear record "
        "can help a domestic abuse service, a solicitor or a court understand what has been "
        "happening, if you ever need to show them."
    ),
}
