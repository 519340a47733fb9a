"""What every reader sees, unless a text written for them replaces it (see __init__.py).

Plain Python data only (no Django imports). Pages read SECTIONS and the texts below
through readers.for_reader, which swaps in what unsafe.py, coparent.py and
unsafe_coparent.py wrote for their readers; the forms read the exercise constants
for their labels.

Body text conventions: paragraphs are separated by one blank line, and a line
starting with "- " is a bullet. No HTML and no other Markdown.

Adapted in our own words from "7 Crucial Stages Of Getting Back Together With
An Ex" by Paul R. Brian & Renee Shen.
"""

from typing import TypedDict

# The stage the program brings forward for anyone who said yes to a safety question.
SELF_CARE_SLUG = "take-care-of-yourself"


class PatternQuestion(TypedDict):
    key: str
    question: str
    example_habits: list[str]


# Program sections in display order: intro, seven stages, closing note, reflection and FAQ.
SECTIONS = [
    {
        "number": 0,
        "slug": "introduction",
        "kind": "intro",
        "title": "Should I get back together with my ex?",
        "summary": (
            "Most of us wonder about this at some point. This program helps you "
            "think it through honestly, at your own pace, with your wellbeing "
            "and safety first."
        ),
        "body": """\
Most of us ask ourselves this at one time or another. If you're here, it's probably because you've noticed how much you miss your ex, and you're wondering whether there's a way back.

This program walks you through seven stages, followed by a few closing thoughts, to help you think it through honestly. It can't promise a particular outcome. What it can do is help you look after yourself, understand what went wrong, and work out what you really want.

Give it time. Reconnecting with someone rarely happens quickly, and it's rarely simple, though it is possible. Your ex may not feel as ready to try again as you do, and that is their right. You may need to make some small sacrifices along the way, such as holding back when you'd rather rush in.

What the program asks of you:
- Be honest with yourself, even when it's uncomfortable.
- Be patient, with yourself and with your ex.
- Look openly at your own part in what happened.
- Respect your ex's choices and their need for space.
- Keep looking after yourself, whatever happens.

The stages are self-paced, and none of them is ever locked. You can go through them in order, skip ahead, or come back to any stage whenever you like. Each stage has a few journal prompts, and some have short exercises.

A note on safety. Getting back together is not the goal if the relationship was unsafe. If your ex hurt you, threatened you, controlled you or made you feel afraid, please put your own safety first, and see the Safety page for places to find help. The self-care check-ins and your journal are here for you either way.""",
        "key_points": [
            "Reconnecting takes patience and rarely happens quickly.",
            "Your ex may not be as ready as you are, and that's their choice.",
            "It may take some small sacrifices along the way.",
            "The stages are self-paced and never locked.",
            "If the relationship was unsafe, your safety comes first: see the Safety page.",
        ],
        "prompts": [
            "What has made me start wondering about getting back together?",
            "What do I miss most: my ex as a person, or the relationship itself?",
            "What small sacrifices might this take, and am I willing to make them?",
            "What would a good outcome look like for me, even if we don't get back together?",
        ],
        "faqs": [],
    },
    {
        "number": 1,
        "slug": "say-sorry",
        "kind": "stage",
        "title": "Say sorry, if you need to",
        "summary": (
            "If you ended things or made the bigger mistakes, a sincere apology "
            "may be where a fresh start begins. Make sure it comes from real "
            "regret, not from fear of being alone or a need for approval."
        ),
        "body": """\
Think of this as starting again from the very beginning. Whatever you had before has changed, and any new start rests on honesty. Often, that honesty begins with an apology.

If you were the one who ended things, or if you made the more serious mistakes, you may owe your ex an apology. When you give one, mean it, and be patient about how it lands. If the breakup was raw and painful, it may take them a while to take it in.

Before you apologise, check your reasons. An apology only means something when there's something real behind it. Ask yourself:
- Is there something I genuinely need to apologise for?
- Am I doing this to win back their approval, or because I'm scared of being on my own?
- Am I simply saying the words I think they want to hear?

If the honest answer is that you're chasing approval, or trying to escape loneliness, pause. Apologising from that place tends to set you back rather than move you forward. It can slide into a habit of pleasing others at your own expense, which isn't good for you and costs far more than it gives.

A sincere apology, offered patiently and with no strings attached, is a gift rather than a bargain. How your ex responds is up to them.""",
        "key_points": [
            "You may need to apologise if you ended things or made the bigger mistakes.",
            "Be sincere and patient, especially if the breakup was painful.",
            "Only apologise for something real, not to win approval.",
            "Fear of being alone is not a good reason to say sorry.",
            "An apology is something you offer, not a bargain.",
        ],
        "prompts": [
            "What, specifically, do I feel sorry for?",
            "Would I still want to apologise if it changed nothing between us?",
            "Where might I be seeking approval or avoiding loneliness, rather than being sincere?",
        ],
        "faqs": [],
    },
    {
        "number": 2,
        "slug": "take-care-of-yourself",
        "kind": "stage",
        "title": "Take care of yourself",
        "summary": (
            "Breakups often knock sleep, food, exercise and mood off balance. "
            "Looking after the basics helps you feel steadier, more confident "
            "and more like yourself."
        ),
        "body": """\
After a breakup it's very common to let your own care slip. You might sleep badly, eat at odd times or hardly at all, stop exercising, and feel low for days at a stretch. None of that means you're doing anything wrong; it's a natural response to loss.

Even so, try not to let discouragement take over. Small, steady habits make a real difference:
- Aim for regular sleep, even if it isn't perfect.
- Eat proper meals and drink enough water.
- Move your body in a way you enjoy, even if it's just a short walk.
- Keep up the everyday basics: washing, getting dressed, tidying your space.
- Notice your mood, and reach out to friends or family when you need to.

Looking after yourself tends to lift your self-esteem. It helps you show up as the best version of yourself, and gives you the confidence to work through the other stages at your own pace.

It also affects how you come across. Someone who is taking good care of themselves is easier to reconnect with than someone who seems lost in self-pity. But the most important reason is simpler: you deserve care, whatever happens with your ex.

The daily check-in on this stage is a quick way to keep an eye on how you're doing.""",
        "key_points": [
            "It's natural for self-care to slip after a breakup.",
            "Try not to let discouragement take over.",
            "Sleep, food, exercise, basic care and mood all matter.",
            "Looking after yourself builds self-esteem and confidence.",
            "You deserve care, whatever happens with your ex.",
        ],
        "prompts": [
            "Which parts of my routine have slipped since the breakup?",
            "What is one small thing I could do today to look after myself?",
            "When do I feel most like myself, and how can I make room for more of that?",
        ],
        "faqs": [],
    },
    {
        "number": 3,
        "slug": "time-and-space",
        "kind": "stage",
        "title": "Give your ex time and space",
        "summary": (
            "Stepping back gives old feelings a chance to settle so new ones can "
            "grow. Give your ex room, but don't disappear for so long that it "
            "looks as if you've moved on."
        ),
        "body": """\
It can feel backwards, but some emotional distance is often what allows the gap between you to close. The feelings tied up with the old relationship and the breakup need time to run their course for your ex. Once they have, there's room for new feelings to grow, such as:
- Regret
- Longing
- Curiosity
- Desire
- Appreciation, for who you are and what you shared

You can help by being patient, steady and reasonable, and by staying committed while still letting them have the space they need. That combination gives a reconnection its best chance.

This can be very hard when you're grieving. Once you're back in touch, you may want to go all in straight away. Holding back a little is kinder to both of you, and it gives your ex the chance to notice that they miss you.

If you keep pushing to get back together, and as fast as possible, your ex is likely to feel worn down, or even annoyed. Taking a step back after you've reconnected lets things cool off and gives old hurts time to settle.

At first it may take real effort not to call or message. Be firm with yourself. Giving them room lets them discover for themselves how much you mean to them and how much they value having you in their life.

There's a counterweight, though: don't vanish for too long. A very long silence can look as if you've lost interest, and life keeps moving for both of you; your ex may meet someone new in the meantime. If contact would be welcome, a light, low-pressure message now and then is fine.

The contact log on this stage can help you see how long it's been, so you can find a balance that feels right.""",
        "key_points": [
            "Distance lets old feelings settle so new ones can grow.",
            "Regret, longing, curiosity, desire and appreciation need room to appear.",
            "Hold back from going all in once you've made contact.",
            "Pushing too hard can tire or annoy your ex.",
            "Don't vanish for too long; light contact is fine if it's welcome.",
        ],
        "prompts": [
            "What do I notice in myself when I want to get in touch, and what's behind that urge?",
            "How can I give my ex space while staying patient and steady?",
            "What would a balanced amount of contact look like for us right now?",
        ],
        "faqs": [],
    },
    {
        "number": 4,
        "slug": "never-lower-your-value",
        "kind": "stage",
        "title": "Never lower your value",
        "summary": (
            "However much you're hurting, keep your dignity and remember there "
            "are many other people you could meet. No pleading, grovelling or "
            "scenes, and be careful how much you open up until you know they're "
            "open too."
        ),
        "body": """\
If you remember only one thing from this program, let it be this: don't lower your value.

In practice, that comes down to two rules:
- Keep your dignity.
- Remember that there are many other people you could meet, even if the pain of the breakup tells you otherwise.

You may feel a strong, urgent pull to get your ex back as quickly as possible. That's completely understandable when you've lost something that mattered so much. But desperation is easy for others to sense, and it rarely draws anyone closer. To give the relationship a real chance, show up with self-respect, even when it's hard.

So, please, steer clear of things like:
- Pleading with your ex for one more chance.
- Grand, dramatic gestures, such as turning up at their home to declare your love.
- Calling them in tears for hours, especially after a few drinks.
- Grovelling, or putting yourself down to get their attention.

None of these tend to bring anyone back. Mostly they show that you're not valuing yourself, and they can push your ex further away.

Feeling vulnerable after a breakup is normal, and being open about your feelings isn't a weakness. Just use good judgement about when and how. Be careful not to pour your heart out until you have a clear sign that your ex is open to hearing from you and may be interested in trying again. That protects you from being hurt more than you need to be, and avoids pushing them away.

Before you reach out, the short check on this stage asks a few honest questions to help you pause and think.""",
        "key_points": [
            "Keep your dignity.",
            "There are many other people you could meet.",
            "No pleading, grovelling or dramatic scenes.",
            "Desperation tends to push people away.",
            "Open up fully only once you know they're open too.",
        ],
        "prompts": [
            "When do I feel most tempted to act out of desperation, and what could I do instead?",
            "What does keeping my dignity look like for me, day to day?",
            "What signs would tell me my ex is open to hearing from me?",
            "What do I value about myself, apart from this relationship?",
        ],
        "faqs": [],
    },
    {
        "number": 5,
        "slug": "take-responsibility",
        "kind": "stage",
        "title": "Take responsibility for your mistakes",
        "summary": (
            "Look honestly at your part in what went wrong, privately first. "
            "Writing it down and setting aside the need to be right helps you "
            "grow and meet your ex where they are."
        ),
        "body": """\
This stage is for you first. You don't need to do it in front of your ex unless you want to. What matters most is doing it honestly, on your own.

If the relationship ended after a lot of disagreements, go back over what happened and own the mistakes that were yours. Writing things down in your journal, before you approach your ex, can make everything much clearer. It helps you see what really went on between you, rather than how it felt in the heat of the moment.

Taking responsibility matters for two reasons. It's essential for your own growth, and growing is what lets you bring a new version of yourself to the relationship. It's also an attractive quality: people tend to trust someone who can own their part.

If you won't look at how your own mistakes contributed to the breakup, it's hard to see how anything could be different next time.

This is often easier said than done. You may still feel that some of the things you complained about were worth raising, and perhaps some were. But sometimes you need to let go of being right. Doing so makes room for your ex's feelings, and helps you understand where they are now.""",
        "key_points": [
            "Do this privately first; you don't have to say it to them.",
            "Go back over what happened and own your mistakes.",
            "Writing in your journal can make things clearer.",
            "Taking responsibility helps you grow.",
            "Sometimes you need to put aside being right.",
        ],
        "prompts": [
            "What went on in the relationship, and what was my part in it?",
            "Which disagreements keep coming back to me, and what did I bring to them?",
            "Where am I still holding on to being right, and what would it mean to let that go?",
            "How might my ex describe what happened, from where they stand?",
        ],
        "faqs": [],
    },
    {
        "number": 6,
        "slug": "change-bad-patterns",
        "kind": "stage",
        "title": "Address and change bad patterns",
        "summary": (
            "Every breakup has reasons. Spot the patterns that hurt your "
            "relationship and choose new habits to replace them, starting with "
            "yourself."
        ),
        "body": """\
You may be longing to have your ex back straight away, but a breakup always has a reason behind it. However good a match your ex may be, something led to the two of you splitting up.

Perhaps you saw a lot of problems, perhaps they did, or perhaps neither of you was getting what you needed. Sometimes a relationship has become genuinely harmful. If that was true of yours, please put your safety first and see the Safety page.

Recognising the unhealthy patterns between you, and the negative associations you've built up about each other, is one of the most important parts of this program. Here is an exercise to help.

Answer these three questions honestly:
- Did either of you keep treating the relationship as somewhere to take from, rather than give to?
- Was one of you regularly less invested than the other, leaving the other feeling unloved and undervalued?
- Did either of you keep stirring up the other's fears and insecurities, so that the relationship was full of painful feelings?

For every question you answer yes to, write down three new habits or rituals that would change that particular pattern from now on.

For example, suppose your answer to the first question, about taking from the relationship, was yes. Some new habits might be:
- Always giving something to the relationship before you take anything from it.
- Asking your partner how they're feeling before you ask for something you need.
- Making a habit of seeing things from their point of view before you ask for anything.

These exercises help you show up at your best, and help you move forward in a healthier way.

Whatever caused the breakup, don't brush it aside. If nothing changes, the old problems are likely to come back.

The heart of it is this: you can't expect your ex to change if you haven't changed yourself first. You go first. That starts with knowing your own limits, and the traits of yours that could cause trouble again. Showing that you're willing and committed to act differently this time matters, because nobody wants to try again only to repeat the same problems and drama.""",
        "key_points": [
            "There's always a reason behind a breakup.",
            "Recognise unhealthy patterns and negative associations.",
            "Answer the three pattern questions honestly.",
            "For every yes, write down three new habits.",
            "Change starts with you, not your ex.",
        ],
        "prompts": [
            "Did one or both of us treat the relationship as a place to take from, rather than give to?",
            "Was one of us regularly less invested, leaving the other feeling unloved or undervalued?",
            "Did one or both of us keep stirring up the other's fears and insecurities, so the relationship felt full of painful feelings?",
        ],
        "faqs": [],
    },
    {
        "number": 7,
        "slug": "celebrate-the-good-times",
        "kind": "stage",
        "title": "Remember to celebrate the good times",
        "summary": (
            "In a crisis it's easy to see only what went wrong. Remembering what "
            "was good reminds you both what's worth reconnecting over, at a pace "
            "that respects their space."
        ),
        "body": """\
When things are hard, it's natural to fix on the faults and the worst moments. A conversation meant to sort something out can slide into a list of complaints, or turn into begging.

So make a point of remembering the good times too. Think about what you loved about being a couple, the moments that made you laugh, and the ways you looked after each other. When the moment is right, you can gently remind your ex how good things were between you, and that the connection could be there again.

Keep a quiet belief in the two of you, without forcing it on anyone.

Once you're talking warmly again, and you're confident you both feel a real emotional connection, you might suggest a date somewhere near where you first met, to enjoy those memories together. Only suggest it then, not before.

Throughout, respect their space. Don't crowd your ex with your own plans or press your agenda on them. Any reconnection has to be something you both want.""",
        "key_points": [
            "Crises make it easy to focus only on the bad.",
            "Don't let conversations turn into complaint lists or begging.",
            "Remember, and gently share, the good times.",
            "Suggest a date near where you first met only once you're both talking warmly.",
            "Respect their space; don't press your agenda.",
        ],
        "prompts": [
            "What are three of my favourite memories of us?",
            "When did a conversation between us turn into a list of complaints, and how could it have gone differently?",
            "What did we bring out in each other at our best?",
        ],
        "faqs": [],
    },
    {
        "number": 8,
        "slug": "keep-in-mind",
        "kind": "closing",
        "title": "Something to keep in mind",
        "summary": (
            "People change over time, but who they are at heart tends to stay "
            "the same. Don't give up on the connection that first brought you "
            "together."
        ),
        "body": """\
As you work through the stages, hold on to one idea.

Everyone changes over time, in all sorts of ways. But at heart, people usually stay who they are. The person you fell for, and the person you were then, are still there.

So don't give up on the chemistry and connection you've shared. Show your ex what you have to offer, and help them remember the qualities and the spark that brought you together at the start.

And whatever happens, remember that your worth doesn't depend on how this turns out.""",
        "key_points": [
            "People change, but their essence stays the same.",
            "Don't give up on the chemistry and connection you shared.",
            "Let your ex see your value.",
            "Remember what first brought you together.",
        ],
        "prompts": [
            "What drew us to each other in the first place?",
            "How have I changed since we met, and what about me has stayed the same?",
            "What do I have to offer now that I didn't before?",
        ],
        "faqs": [],
    },
    {
        "number": 9,
        "slug": "are-you-sure",
        "kind": "reflection",
        "title": "Are you sure about getting back together?",
        "summary": (
            "If you're sure, don't give up easily, but go gently. Make the choice "
            "for the right reasons: not on impulse, not as a quick fix, but "
            "because you still love them and want it to work."
        ),
        "body": """\
If you're truly sure the two of you belong together, don't give up at the first setback.

The way back is often bumpy. You may need to trust that things can get better, even when your ex's response to your efforts feels lukewarm or slow.

At the same time, ease off the pressure, especially early on, when you've only just started talking again.

Check your reasons, too:
- Don't decide to get back together on impulse.
- Don't treat it as a sticking plaster that will fix your life or suddenly make you happy again.
- Do it only because you still love them and genuinely want the relationship to work.

On solid ground, the two of you can rebuild what you once had together. The short reflection on this page can help you check in with yourself honestly.""",
        "key_points": [
            "If you're sure, don't give up easily.",
            "Expect a rocky road and lukewarm responses at times.",
            "Ease off the pressure early on.",
            "Don't decide on impulse or as a quick fix.",
            "Go back only because you still love them and want it to work.",
        ],
        "prompts": [
            "Why do I want to get back together, in my own honest words?",
            "Am I hoping this will fix other parts of my life?",
            "What would a solid foundation look like for us this time?",
        ],
        "faqs": [],
    },
    {
        "number": 10,
        "slug": "faq",
        "kind": "faq",
        "title": "Frequently asked questions",
        "summary": "Short, honest answers to questions people often ask about getting back together with an ex.",
        "body": "Here are a few questions people often ask, with short, honest answers.",
        "key_points": [
            "Be ready to change, together.",
            "Exes do sometimes get back together.",
            "A breakup on its own won't save a relationship.",
        ],
        "prompts": [
            "Which of these questions matters most to me right now, and why?",
            "What am I willing to change, and what do I hope we could build together?",
        ],
        "faqs": [
            {
                "question": "Should I get back with my ex?",
                "answer": (
                    "Only if you're ready to make real changes. Both of you will "
                    "need to compromise, be honest about what went wrong, and stay aware of how "
                    "you act so you can do things differently this time. A real "
                    "chance comes from commitment on both sides. In the end, it "
                    "comes down to being happy, and to learning and growing "
                    "alongside someone you love. If that's what's driving you, it's "
                    "worth doing your best. If the relationship was unsafe, your "
                    "safety comes first: see the Safety page."
                ),
            },
            {
                "question": "Do exes actually get back together?",
                "answer": (
                    "Yes, sometimes they do. Every relationship is different, "
                    "and so is every person, so there's no guarantee either way. "
                    "Sometimes what makes the difference is showing up with more "
                    "to offer than you did before."
                ),
            },
            {
                "question": "Can breaking up save a relationship?",
                "answer": (
                    "Not on its own. What keeps two people together is what they "
                    "add to each other's lives, including the shared feeling of "
                    "being in love. A breakup might make someone afraid of losing "
                    "you, or send them back to you to escape painful feelings, "
                    "but fear and avoiding pain aren't a foundation to build on. "
                    "Don't count on a breakup to bring you back together; rely on "
                    "what you can add to each other."
                ),
            },
        ],
    },
]

# Stage 1 sincerity check before apologising: (key, question, help_text) tuples.
SINCERITY_QUESTIONS = [
    (
        "has_reason",
        "Is there something I really need to apologise for?",
        "Think of something specific you did or said. An apology means most when there's a real reason behind it.",
    ),
    (
        "seeking_approval",
        "Am I doing this to win their approval, or because I'm afraid of being alone?",
        "Wanting approval and fearing loneliness are very human. Noticing them helps you apologise for the right reasons.",
    ),
    (
        "telling_them_what_they_want",
        "Am I just saying what I think they want to hear?",
        "A sincere apology comes from what you actually feel, not from guessing the words that might bring them back.",
    ),
]

# Stage 2 introduction shown above the daily self-care check-in form.
SELF_CARE_INTRO = (
    "A quick daily check-in to keep an eye on the basics: sleep, food, "
    "exercise, everyday care and mood. There are no right or wrong answers, "
    "and a hard day isn't a failure. Just notice how you're doing, and be "
    "kind to yourself."
)

# Stage 3 feelings that time and space can give room to: (key, label, description) tuples.
EX_FEELINGS = [
    (
        "regret",
        "Regret",
        "A sense that ending things, or letting them slip, may have been a mistake.",
    ),
    ("longing", "Longing", "Missing you, and missing what you had together."),
    ("curiosity", "Curiosity", "Wondering how you are, what you're doing and who you're becoming."),
    ("desire", "Desire", "Wanting to be close to you again."),
    ("appreciation", "Appreciation", "Valuing who you are and what you shared."),
]

# Stage 3: what the contact log is for, above its form.
CONTACT_LOG_INTRO = (
    "Note each time the two of you are in touch: who reached out, how, and how it went. Over "
    "a few weeks the log shows you the rhythm of your contact, so you can give each other room "
    "without disappearing."
)

# Stage 3 guidance shown beside the contact log, keyed by how recent the last logged contact was.
SPACE_GUIDANCE = {
    "too_soon": (
        "You were in touch quite recently. Give your ex some room now and hold "
        "back from going all in; it lets things settle for both of you."
    ),
    "balanced": (
        "There's been a comfortable gap since you were last in touch, which "
        "gives you both room to breathe. Keep being patient and steady."
    ),
    "too_long": (
        "It's been a long while since you were in touch. You don't need to "
        "vanish entirely; if it would be welcome, a light, low-pressure message "
        "is fine."
    ),
    "none": (
        "You haven't logged any contact yet. Whenever you're in touch with your "
        "ex, you can note it here to help you find a balance that feels right."
    ),
}

# Stage 4 pause-before-reaching-out check: (key, question, help_text) tuples.
# Healthy answers for the implementer: desperate -> No, fine_without_reply -> Yes,
# pleading -> No, know_open -> Yes.
REACH_OUT_QUESTIONS = [
    (
        "desperate",
        "Am I acting out of desperation right now?",
        "If you feel an urgent pull to get in touch, it may help to wait until it eases.",
    ),
    (
        "fine_without_reply",
        "Would I be okay if they didn't reply?",
        "Reach out only if you can accept any response, including none at all.",
    ),
    (
        "pleading",
        "Am I about to plead, grovel or make a scene?",
        "Keep your dignity. Begging and dramatic gestures rarely bring anyone closer.",
    ),
    (
        "know_open",
        "Do I know they're open to hearing from me?",
        "Look for a clear sign that contact would be welcome before you open up fully.",
    ),
]

# Stage 4 two rules for never lowering your value, shown as reminders.
VALUE_REMINDERS = [
    "Keep your dignity, even when you're hurting.",
    "There are many other people you could meet, even if the pain of the breakup tells you otherwise.",
]

# "I want to reach out": the grounding step of the flow for the moment the urge hits.
URGE_BREATHING = [
    "Sit or stand where your feet can rest on the floor.",
    "Breathe in slowly through your nose while you count to four.",
    "Hold that breath gently while you count to four.",
    "Breathe out through your mouth, slower still, while you count to six.",
    "Do that five more times. Nothing else needs doing while you breathe.",
]
URGE_GROUNDING = [
    ("5", "things you can see. Name them quietly, one at a time."),
    ("4", "things you can feel: your feet in your shoes, the chair under you, the air."),
    ("3", "things you can hear, near or far away."),
    ("2", "things you can smell, or two smells you like."),
    ("1", "thing you can taste, or one kind thing you can say to yourself."),
]
URGE_ENCOURAGEMENT = (
    "An urge is a wave: it rises, it peaks and it passes, usually within minutes. You don't "
    "have to act on it, and you don't have to fight it. Let it be here while you look after "
    "yourself for a moment."
)
# "I want to reach out": the flow's title, and what it says at each ending (keyed by
# progress.models.Urge.Outcome).
URGE_TITLE = "I want to reach out"
URGE_ENDED = {
    "waited": "You waited. That took strength, and it counts: it's on your dashboard.",
    "held": (
        "Write it here, all of it. It will be held for the cooling-off period you choose, and "
        "nothing here is ever sent."
    ),
    "journal": "Write whatever you need to. Only you can read it.",
    "reached_out": (
        "Noted, without judgement. One message doesn't undo the work you've done. If you like, "
        "note how it went in your contact log."
    ),
}
# The optional wait, in minutes, offered after the grounding exercise.
URGE_WAITS = (10, 20)

# Stage 5 reminder shown above the responsibility journal entry form.
RESPONSIBILITY_REMINDER = (
    "This is for you first. You don't have to say any of it to your ex; being "
    "honest with yourself is what matters."
)

# Stage 6 pattern questions; each yes leads to writing three new habits. Only
# "taking_value" carries the worked example habits.
PATTERN_QUESTIONS: list[PatternQuestion] = [
    {
        "key": "taking_value",
        "question": "Did either of you treat the relationship as a place to take from, rather than give to?",
        "example_habits": [
            "Always give something to the relationship before you take anything from it.",
            "Ask your partner how they're feeling before you ask for something you need.",
            "Make a habit of seeing things from their point of view before you ask for anything.",
        ],
    },
    {
        "key": "less_invested",
        "question": "Was one of you regularly less invested than the other, leaving the other feeling unloved or undervalued?",
        "example_habits": [],
    },
    {
        "key": "fears_insecurities",
        "question": "Did either of you keep stirring up the other's fears and insecurities, so the relationship felt full of painful feelings?",
        "example_habits": [],
    },
]

# Stage 7 guidance shown above the good-memories journal form.
MEMORY_GUIDANCE = (
    "When things are hard, it's easy to remember only the bad. Take a moment "
    "to write down the good times too: what you loved, what made you laugh, "
    "and how you cared for each other."
)

# Stage 7 reminder shown beside the date-idea field.
DATE_IDEA_REMINDER = (
    "You can note an idea for a date near where you first met, but keep it "
    "for when you're both talking warmly and feel connected again. Respect "
    "their space, and don't press your own agenda."
)

# "Are you sure" reflection questions: (key, question) tuples.
# For reference: still_in_love -> Yes, impulsive -> No, band_aid -> No,
# ready_to_compromise / ready_to_admit / ready_to_change -> Yes.
READINESS_QUESTIONS = [
    ("still_in_love", "Am I still in love with them, and do I really want this to work?"),
    ("impulsive", "Am I deciding this on impulse?"),
    (
        "band_aid",
        "Am I hoping this will fix my life or make me happy again, like a sticking plaster?",
    ),
    ("ready_to_compromise", "Am I ready to compromise?"),
    ("ready_to_admit", "Am I ready to admit what went wrong, including my own part?"),
    ("ready_to_change", "Am I ready for us to do things differently together this time?"),
]

# What the program says back to each sincerity answer that suggests an apology for the wrong
# reasons: {(question key, answer): reply}. Answers not listed need no reply.
SINCERITY_REPLIES = {
    ("has_reason", "no"): (
        "If nothing specific comes to mind, you may not owe an apology at all, and that's fine. "
        "Saying sorry for something you didn't do, just to reopen the door, tends to ring "
        "hollow for both of you. Stage 5 can help you look honestly at your part first."
    ),
    ("has_reason", "not_sure"): (
        "It's worth getting clear on this before you write. Try naming one thing you did or "
        "said that you wish you hadn't; if you can't, this may not be the moment to apologise."
    ),
    ("seeking_approval", "yes"): (
        "Thank you for being honest: wanting their approval, or dreading being on your own, is "
        "deeply human. An apology made to win someone back is a request in disguise, though, and "
        "it usually feels that way to the other person. Look after the loneliness first (Stage 2 "
        "is there for that), and keep this draft for a day when it can be a gift with no "
        "strings attached."
    ),
    ("seeking_approval", "not_sure"): (
        "Not being sure is common. One way to tell: imagine they read your apology and don't "
        "reply. If that would feel unbearable, some of it may be about approval or loneliness, "
        "and it may help to wait a little and look after yourself first."
    ),
    ("telling_them_what_they_want", "yes"): (
        "Words chosen to please rarely land the way we hope, and they can make it harder to be "
        "trusted later. Try writing only what you actually feel and actually regret, in your "
        "own plain words, even if it's shorter."
    ),
    ("telling_them_what_they_want", "not_sure"): (
        "Read your draft back and ask of each sentence: do I mean this, or do I think it's what "
        "they want? Keep the sentences you mean."
    ),
}

# The decision aid on "Are you sure?": for each readiness answer that suggests waiting, why it
# matters and what to do next. {key: (why it matters, what to do next)}.
READINESS_CONCERNS = {
    "still_in_love": (
        "Getting back together takes real effort from both of you; without love and a wish for it "
        "to work, that effort is hard to find, and an unsure return can hurt you both again.",
        "Give it time. Write in your journal about what you miss and what you don't, and come "
        "back to this question in a few weeks.",
    ),
    "impulsive": (
        "Decisions made on impulse often follow a lonely evening or a sudden memory, and can look "
        "different a week later.",
        "Wait at least a week before acting on it. Writing a held message, rather than sending "
        "one, lets the impulse pass without losing what you wanted to say.",
    ),
    "band_aid": (
        "A relationship can't carry the job of fixing everything else; hoping it will puts heavy "
        "pressure on both of you and on the relationship.",
        "Look after the rest of your life first: the self-care check-in in Stage 2 is a good "
        "place to start, and so is talking to people who care about you.",
    ),
    "ready_to_compromise": (
        "Two people who each insist on their own way usually end up where they were before.",
        "Think of one thing you could give ground on, and one thing you couldn't. Stage 6 can "
        "help you see where the give and take went wrong.",
    ),
    "ready_to_admit": (
        "Without owning your part, the same problems tend to come back.",
        "Stage 5 walks you through your part in what happened, privately, at your own pace.",
    ),
    "ready_to_change": (
        "Going back to the same relationship in the same way usually brings the same ending.",
        "Stage 6 helps you name the patterns and the new habits you would want this time.",
    ),
}

# Reasons the decision aid weighs: how many rows each side offers, and the weights.
READINESS_REASON_ROWS = 5
READINESS_WEIGHTS = [
    (1, "1 – matters a little"),
    (2, "2"),
    (3, "3 – matters"),
    (4, "4"),
    (5, "5 – matters a lot"),
]

# The insights page (progress.insights): a person's own check-ins beside their contact log and
# urges. Each figure sentence takes {mood} or {sleep} and {days} ("6 days"); "too_few" takes
# {days} and {minimum}. Never a word that reads a figure as a reason to be in touch.
INSIGHTS = {
    "link": "Insights: your mood beside your contact",
    "title": "Your mood beside your contact",
    "intro": (
        "Your own check-ins, contact log and urges, side by side, week by week since the first "
        "of them, over the last 13 weeks at most. Only days with a check-in count towards the "
        "averages."
    ),
    "figures_title": "What your check-ins show",
    "mood": {
        "contact": "On days with contact, your mood averaged {mood} out of 5, over {days}.",
        "after": "On the day after contact, your mood averaged {mood} out of 5, over {days}.",
        "without": "On days without contact, your mood averaged {mood} out of 5, over {days}.",
    },
    "sleep": {
        "contact": "On days with contact, you slept {sleep} hours on average, over {days}.",
        "after": "On the day after contact, you slept {sleep} hours on average, over {days}.",
        "without": "On days without contact, you slept {sleep} hours on average, over {days}.",
    },
    "groups": {
        "contact": "Days with contact",
        "after": "The day after contact",
        "without": "Days without contact",
    },
    "too_few": "{group}: too few days to tell yet ({days} with a check-in; an average needs at "
    "least {minimum}).",
    "not_cause": "This shows what happened together, not what caused what.",
    "how_counted": (
        "A day counts once, however many contacts it had. Days without contact leave out the day "
        "after a contact, which has its own figure."
    ),
    "mood_chart_title": "Your mood and the days of contact",
    "urges_title": "Urges, week by week",
    "urges_intro": "Each time you used the urge button, and where the moment ended.",
    "resisted": "Resisted",
    "acted": "Reached out",
    "source": (
        "These figures are worked out on our server each time you open this page, from the dates, "
        "moods, hours of sleep and urges you saved, never from your notes. Nothing is sent "
        "anywhere."
    ),
    "support": "",
    "support_link": "",
}

# "Take to a counsellor" (exback.counsellor): the person chooses parts of what they wrote and
# prints them as one document. `parts` names the choices; `decision_aid` is replaced by the
# danger check's title for a reader who gets the danger check instead.
COUNSELLOR = {
    "link": "Take to a counsellor",
    "title": "Take it to a counsellor",
    "intro": (
        "Bring what you have worked on to a counsellor or therapist. Choose what goes in, and "
        "you get one plain document to print or save as a PDF from your browser. It is put "
        "together on our server from your choices only; there is no link to share, and nobody "
        "else can open it."
    ),
    "keep_safe": (
        "A printed page or a saved PDF can be read by whoever finds it. Keep it somewhere "
        "private, and delete the file when you no longer need it."
    ),
    "parts": {
        "exercises": "Your exercises: what you wrote in each stage",
        "checkins": "Your check-ins and insights, for the dates below",
        "safety_plan": "Your safety plan",
        "decision_aid": "Your answers to “Are you sure?”, the decision aid",
    },
    "document_title": "Notes for my counsellor",
    "decision_aid_title": "Are you sure? My answers to the decision aid",
    "document_intro": (
        "These are my own notes from a self-guided program about a relationship that ended. I "
        "chose what is in here to talk it through with you."
    ),
}
