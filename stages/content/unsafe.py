"""For a person for whom reconnecting is unsafe: anyone who told the safety check that their ex
hurt them or threatened to, threatened or intimidated them, controlled or watched them, or made
them afraid.

The program becomes a path of its own: safety first, self-care, making sense of what happened,
support and a life that is the reader's own. Getting back together is not the goal. Nothing
here coaches contact, apology, reconciliation or self-blame, calls distance a problem, or asks
the reader to read or manage their ex's moods; the exercises that would are set aside (SET_ASIDE)
with a kind word on why and what to do instead, and the "are you sure?" decision aid becomes the
safety app's danger check (DANGER_CHECK_IN). Every section overrides all six fields of
everyone.SECTIONS, so this reader never falls back to everyone's words for a section.

Body text conventions as in everyone.py: paragraphs separated by one blank line, a line starting
with "- " is a bullet, no HTML and no Markdown. "Safety page" becomes a link to the Safety page;
"your safety plan" is the private, printable plan in the app. Not therapy and never diagnostic.
"""

# Asked by every reader for whom reconnecting is unsafe, parents too (unsafe_coparent.py).
IS_IT_ABUSE = {
    "question": "Is it abuse if they never hit me?",
    "answer": (
        "Abuse isn't only physical. Threats, intimidation, constant criticism, "
        "controlling your money, your phone or who you see, keeping watch over you, "
        "and making you afraid can all be abuse, and a number of countries treat "
        "controlling behaviour as a crime in its own right. This program can't judge "
        "your situation, and you don't need a name for it to deserve support. If "
        "something felt wrong, or you felt afraid, that matters. A helpline on the "
        "Safety page can talk it through with you."
    ),
}

SECTIONS: dict[str, dict] = {
    "introduction": {
        "title": "Your safety comes first",
        "summary": (
            "From your answers to the safety check, this program has changed for you. It is now "
            "about your safety, your wellbeing and a life that is yours, at your own pace."
        ),
        "body": """\
Thank you for answering the safety check. From what you shared, getting back together is not the goal here, and nothing in this program will push you towards your ex. You deserve to be safe, and to feel safe.

The program keeps its shape, seven stages and a few closing pages, but the path is a different one. It is about you: looking after yourself, keeping yourself safe, making sense of what happened, and building a life that belongs to you. Go at your own pace, skip ahead or come back to any part. Nothing is locked.

If you are in danger right now, call your local emergency number.

A few things are here for you on every page:
- The Safety page lists helplines and support services for your country. The people there understand abuse and control, and talking to them doesn't commit you to anything.
- Your safety plan is a private, printable list you write while things are calm, for when they are not.
- The Quick exit button at the top of every page leaves this site at once.
- Your journal and the daily self-care check-in are private to you.

This program is self-help, not therapy, and it can't judge your situation for you. It can keep you company while you think, and point you to people who can help.

Whether you have left, are thinking about it, or are still living with your ex, this path is for you.""",
        "key_points": [
            "Getting back together is not the goal here; your safety is.",
            "Nothing in this program will push you towards your ex.",
            "In danger right now? Call your local emergency number.",
            "The Safety page lists helplines for your country.",
            "Your safety plan is private, and you can print it.",
            "Go at your own pace; nothing is locked.",
        ],
        "prompts": [
            "What would help me feel a little safer this week?",
            "Who in my life could I talk to, even a little?",
            "What do I want for myself in the months ahead?",
            "What do I need most from this program right now?",
        ],
        "faqs": [],
    },
    "say-sorry": {
        "title": "What happened was not your fault",
        "summary": (
            "You owe no one an apology for protecting yourself. Guilt and self-blame are very "
            "common after a controlling relationship, and they are not proof that you did "
            "something wrong."
        ),
        "body": """\
Many people who have been hurt or controlled by a partner are left feeling that it was somehow their fault. You might replay arguments and wonder what you could have done differently, or feel guilty for leaving, for telling someone, or for wanting distance. These feelings are very common and very understandable. They are not evidence.

A partner who controls or frightens someone often blames them for it too: “you made me angry”, “look what you made me do”, “if you hadn't said that”. Hearing it again and again can make it feel true. It isn't. Nothing you did or said makes it all right for someone to hurt, threaten or control you.

You owe no one an apology for:
- Keeping yourself safe.
- Ending the relationship, or thinking about it.
- Telling a friend, a helpline, a doctor or the police what happened.
- Needing distance, or not replying.
- Taking the time you need to work out what you want.

If guilt is loud right now, try answering it gently. Ask yourself what you would say to a friend who told you the same story. Most of us would never tell a friend it was their fault.

The apology exercise other readers use here is not part of your path. If you want to write about guilt or self-blame, your journal is private, and a helpline on the Safety page can talk it through with you.""",
        "key_points": [
            "What happened was not your fault.",
            "You owe no one an apology for protecting yourself.",
            "Guilt and self-blame are common after a controlling relationship; they are not "
            "evidence.",
            "Blame is often part of how control works.",
            "Be as kind to yourself as you would be to a friend.",
        ],
        "prompts": [
            "What do I blame myself for, and what would I say to a friend who blamed themselves "
            "for the same thing?",
            "Whose voice do I hear when I feel guilty?",
            "What have I done to keep myself safe that I can be proud of?",
        ],
        "faqs": [],
    },
    "take-care-of-yourself": {
        "title": "Looking after yourself and feeling safe",
        "summary": (
            "After a frightening or controlling relationship, body and mind can stay on alert "
            "for a long time. Small, steady care helps you feel safer and more like yourself."
        ),
        "body": """\
When a relationship has been frightening or controlling, it's common to feel on edge long afterwards. You might sleep badly, jump when your phone goes, lose your appetite, feel numb, or feel exhausted for no clear reason. These are natural responses to living under strain, not signs that something is wrong with you.

Looking after yourself here isn't about how you come across to anyone. It's about feeling a little steadier, a little safer, and more like yourself. Small things help:
- Keep some rhythm to your days: waking, eating, resting.
- Eat regularly and drink water, even when you don't feel hungry.
- Move gently if you can: a walk, a stretch, anything that feels good.
- Make one place feel calm and yours, even a corner of a room.
- Notice what helps you feel safe, and do more of it.
- Spend time with people who are kind to you.

Feeling safe matters as much as the basics. Your safety plan is a good place to write down what calms you, where you can go and who you can call. If someone might look at your phone or computer, the Safety page explains how to keep your use of this site private.

If your feelings are very heavy, or you are thinking about harming yourself, please reach out now: the Safety page lists crisis lines as well as domestic abuse helplines, and a doctor can help too.

The daily check-in on this stage is a quick, private way to keep an eye on how you're doing. A hard day isn't a failure.""",
        "key_points": [
            "Feeling on edge after a frightening relationship is a natural response.",
            "This care is for you, not for how you come across to anyone.",
            "Sleep, food, rest, movement and kind company all help.",
            "Write down what helps you feel safe in your safety plan.",
            "If your feelings get very heavy, the Safety page lists crisis lines.",
        ],
        "prompts": [
            "Where, and with whom, do I feel safest?",
            "What is one small thing I could do today to look after myself?",
            "What does my body need right now: rest, food, movement or quiet?",
            "When did I last feel calm, and what was I doing?",
        ],
        "faqs": [],
    },
    "time-and-space": {
        "title": "Space that keeps you safe",
        "summary": (
            "Distance from someone who hurt you is protection, and it's yours to take. Limit "
            "contact where that is safe, keep a record, and plan with a helpline, because "
            "leaving can be a time of higher risk."
        ),
        "body": """\
For you, space isn't a tactic or a waiting game. It's protection, and it's yours to take. You don't have to explain it, justify it or earn it.

What space looks like depends on your situation, and you know it best. Some people can block a number and get on with their lives. For others, a sudden change could make things more dangerous, or some contact can't be avoided. A domestic abuse helpline can help you work out what is safest for you.

Things many people find helpful:
- Limit contact, or block it on your phone and social media, where that is safe to do.
- Save messages, voicemails and emails, with their dates, somewhere your ex can't reach. You don't have to read them again; the record is there if you ever need it.
- Tell someone you trust what is happening, so you aren't carrying it alone.
- Where contact can't be avoided, keep it to what is necessary and in writing if you can, or let a solicitor or a support worker handle it for you.
- Check who can see your location, your accounts and your phone, and ask a helpline how to change passwords and settings safely.

Leaving a relationship, or being about to, can be a time of higher risk. If you are planning to leave, or have just left, please plan it with a helpline if you can, and keep your safety plan up to date. If you are in danger, call your local emergency number.

If you still live with your ex, space may not be possible yet, and that is not a failing. Your safety plan, a person you trust and a helpline can help you stay as safe as possible while you work out what comes next.

A record of contact, on this stage, is private to you. It can help you see what is happening, and a dated record can matter if you ever need to show what happened.""",
        "key_points": [
            "Space from someone who hurt you is protection, and it's yours to take.",
            "Limit or block contact where that is safe; a helpline can help you decide.",
            "Save messages and keep a dated record somewhere private.",
            "Keep unavoidable contact brief and in writing, or let a solicitor or support worker "
            "handle it.",
            "Leaving can be a time of higher risk: plan it with a helpline and your safety plan.",
        ],
        "prompts": [
            "What contact, if any, can't I avoid right now, and how could it be made safer?",
            "Who could I tell what is happening?",
            "What would help me feel safer at home, at work and online?",
            "Which of these steps feels possible for me this week?",
        ],
        "faqs": [],
    },
    "never-lower-your-value": {
        "title": "Knowing your worth",
        "summary": (
            "You deserve respect, kindness and safety. Knowing what a respectful relationship "
            "looks like can help you trust what you felt, and what you want from now on."
        ),
        "body": """\
After a relationship where you were put down, watched or frightened, it can be hard to remember what you're worth. Your worth was never in question. It doesn't depend on anyone's approval, and it was never something you had to earn.

It can help to name what a respectful relationship looks like. In a respectful relationship:
- You can say no, and disagree, without being afraid.
- You can see your friends and family freely.
- Your money, your phone and your time are your own.
- Arguments don't end in threats, punishment, or silence used as a weapon.
- You feel safe, including when things go wrong.
- Care shows in how someone treats you, not only in what they say.

You deserve all of that. If some of it was missing, that says something about how you were treated, not about who you are.

Missing your ex, or wanting to hear from them, doesn't lower your worth either. It's very common, and it's a reason to reach out for support: to a friend, to someone you trust, or to a helpline on the Safety page. If the pull feels strong, the “Having a hard moment?” button on this stage offers a minute to steady yourself.""",
        "key_points": [
            "Your worth doesn't depend on anyone's approval.",
            "In a respectful relationship you can say no without fear.",
            "Your money, phone, time and friendships are your own.",
            "You deserve to feel safe.",
            "Missing someone who hurt you is a reason to reach out for support.",
        ],
        "prompts": [
            "What do I deserve in any relationship, with a partner, a friend or family?",
            "What do I like about myself, away from this relationship?",
            "When have I felt respected, and what did that feel like?",
            "What would I want a friend in my place to know about their worth?",
        ],
        "faqs": [],
    },
    "take-responsibility": {
        "title": "Whose responsibility it is",
        "summary": (
            "The person who chooses to hurt, threaten or control someone is responsible for that "
            "harm. What is yours is your own life from here, not what was done to you."
        ),
        "body": """\
Other readers use this stage to look at what went wrong between two people. When one person has hurt, threatened or controlled the other, that isn't the right question. The person who harms is responsible for the harm.

Every relationship has ordinary disagreements, and nobody is perfect. But no mistake, mood, word or choice of yours makes it all right to hurt, threaten or control you. Stress, drink, jealousy, a hard childhood or “being pushed too far” may be offered as reasons. None of them moves the responsibility onto you.

This can be hard to believe if you were told again and again that things were your fault. Shifting the blame onto the person being hurt is often part of how control works, and letting go of that blame can take time. Be patient with yourself.

What is yours is your own life from here: your choices, your safety, and how you look after yourself. That isn't a burden to carry. It's yours to shape, at your own pace, with as much support as you want.

The exercise other readers do here is set aside for you. Your journal is private if you want to write about any of this.""",
        "key_points": [
            "The person who harms is responsible for the harm.",
            "Nothing you said or did makes abuse or control all right.",
            "Shifting the blame is often part of how control works.",
            "What is yours is your own life from here, at your own pace.",
        ],
        "prompts": [
            "What was I told was my fault, and who told me?",
            "If this had happened to a friend, where would I say the responsibility lies?",
            "What choices about my own life feel good to make now?",
        ],
        "faqs": [],
    },
    "change-bad-patterns": {
        "title": "Recognising patterns of control",
        "summary": (
            "Control often builds slowly and can look like care. Naming the patterns, and the "
            "cycle that keeps so many people hoping, can help you trust what you saw."
        ),
        "body": """\
Controlling behaviour rarely starts on the first day, and it often arrives looking like love or worry. Because it builds slowly, it can be hard to see from the inside. Naming the patterns can help you make sense of what happened and trust what you felt.

Some common patterns:
- Isolation: making it hard to see friends or family, or making you feel they are against you.
- Monitoring: checking your phone, messages or location, or needing to know where you are at all times.
- Money: controlling what you earn or spend, taking your money, or running up debts in your name.
- Threats: to hurt you, themselves, your children or your pets, or to share private pictures or information.
- Jealousy presented as love: “I only do it because I care so much.”
- Putting you down, or making you doubt your own memory and judgement.

Many people also recognise a cycle. Tension builds, and you find yourself walking on eggshells. Then something happens: an outburst, a threat, harm. Afterwards come apologies, gifts, promises or blame, and then a calm spell that can feel as if the person you fell for is back. Over time the cycle often repeats, and the calm spells can get shorter.

That is why “it will be different this time” is such a common promise. It may be said sincerely, and it's natural to want to believe it. But words aren't change. Real change, where it happens at all, is the other person's own work, usually with specialist help, and it shows in how they behave over a long time. It isn't yours to test, and you don't have to wait to find out.

If some of this sounds familiar, trust what you noticed. You are not alone, and a helpline on the Safety page can talk it through with you in confidence. You don't need a name for what happened to deserve support.""",
        "key_points": [
            "Control often builds slowly and can look like care.",
            "Isolation, monitoring, money, threats and jealousy are common patterns.",
            "Tension, incident, apology, calm: the cycle often repeats.",
            "“It will be different this time” is a common promise; change shows in behaviour "
            "over a long time, not in words.",
            "You don't need a name for what happened to deserve support.",
        ],
        "prompts": [
            "Which of these patterns, if any, do I recognise?",
            "What did the calm spells feel like, and what came before them?",
            "What was promised, and what happened afterwards?",
            "What would I want to notice early on in any future relationship?",
        ],
        "faqs": [],
    },
    "celebrate-the-good-times": {
        "title": "Support and the life ahead",
        "summary": (
            "The people and services that can help, and a life that is yours. Missing someone "
            "who hurt you is normal, and it's a reason to reach out for support."
        ),
        "body": """\
Other readers use this stage to look back on the good moments in their relationship. Your path looks ahead instead, towards support and a life that is yours.

It's normal to miss someone who hurt you. There may have been real warmth and good days, and the relief of the calm spells can make them feel brighter still. Missing them doesn't mean you should go back, or that what happened wasn't serious. It means you're human, and it's a good reason to reach out for support.

Support can come from many places:
- Friends and family you trust, even if you've lost touch. Many people are glad to hear from someone again.
- Domestic abuse helplines and local services, listed on the Safety page. They can offer someone to talk to, practical advice and, in many places, support workers and legal help.
- Your doctor, who can help with sleep, low mood or anxiety, and point you to services nearby.
- Support groups, where people who have been through something similar meet and listen.

Then there is the life ahead. It doesn't need a grand plan. Small things count: a class, a walk somewhere new, music you love, a room arranged the way you like it, a plan for the weekend. Each one is something that belongs to you.

The exercise on this stage, “Moments that are yours”, invites you to write down times you felt like yourself, safe, proud or happy, on your own or with people who are good for you.""",
        "key_points": [
            "Missing someone who hurt you is normal, and a reason to reach out for support.",
            "Friends, family, helplines, your doctor and support groups can all help.",
            "The Safety page lists services for your country.",
            "Build a life that is yours, one small thing at a time.",
        ],
        "prompts": [
            "Who in my life is good for me, and how could I see more of them?",
            "When do I miss my ex most, and who could I turn to at those times?",
            "What is one thing I'd like to do just for me in the next month?",
            "What would a good, ordinary day look like a year from now?",
        ],
        "faqs": [],
    },
    "keep-in-mind": {
        "title": "Moving forward safely",
        "summary": (
            "Healing isn't a straight line. Keep your safety plan close, lean on support, and "
            "remember that your worth was never in question."
        ),
        "body": """\
As you move through this program, and beyond it, a few things are worth holding on to.

Healing rarely goes in a straight line. Some days you may feel strong and clear; on others you may miss your ex, doubt yourself or feel afraid again. Both are part of moving forward, and a hard day doesn't undo your progress.

Your safety can change over time. Keep your safety plan up to date, especially around times that may be harder, such as court dates, anniversaries, moving home, or your ex getting in touch. If something changes, a helpline can help you think it through.

You don't have to do this alone. The people who care about you, and the services on the Safety page, are there for the heavy days as well as the practical questions.

Whatever happens, what was done to you doesn't define you. You are allowed a life that is calm, safe and your own.""",
        "key_points": [
            "Healing isn't a straight line; a hard day doesn't undo your progress.",
            "Keep your safety plan up to date as things change.",
            "You don't have to do this alone.",
            "You are allowed a life that is calm, safe and your own.",
        ],
        "prompts": [
            "What has helped me most so far?",
            "What might make the coming months harder, and what could I plan for?",
            "What do I want to remember on a difficult day?",
        ],
        "faqs": [],
    },
    "are-you-sure": {
        "title": "Trusting what you know",
        "summary": (
            "Decisions are yours to make, on your own terms and in your own time, with your "
            "safety first. Your reasons and your feelings both count."
        ),
        "body": """\
You may be facing decisions: about contact, about where you live, about what happens next. They are yours to make, and you're allowed to take your time. Nobody, including your ex, gets to rush you.

It can be hard to trust yourself after a relationship where your judgement was questioned or your memory doubted. But you lived through it, and you know things nobody else does. What you saw, heard and felt counts.

When you're weighing something up, it can help to ask:
- Would this keep me, and anyone who depends on me, safe?
- Am I deciding out of fear, guilt or pressure, or because it's what I want?
- What would I say to a friend in my place?
- Who could I talk it through with before I decide?

Reasons and feelings can pull in different directions. You may love or miss someone and still know that being with them isn't safe. Both can be true at once, and you don't have to settle your feelings before you act on what keeps you safe.

You don't have to decide alone. A helpline on the Safety page can help you think things through without telling you what to do, and your safety plan is there for the moments when things feel urgent.

The decision aid other readers use here is about getting back together, so in its place you'll find a short danger check: a few questions about the signs that research links to the greatest danger, and where to turn if any of them are there. Your journal is a private place to think.""",
        "key_points": [
            "Your decisions are yours, made in your own time.",
            "Your safety comes first in every decision.",
            "What you saw, heard and felt counts.",
            "You can miss someone and still know it isn't safe to be with them.",
            "A helpline can help you think things through, without telling you what to do.",
        ],
        "prompts": [
            "What do I know, deep down, about what is safe for me?",
            "Which decisions feel urgent, and which can wait?",
            "Whose judgement do I trust, and what might they say?",
            "What do I want for myself, apart from what anyone else wants?",
        ],
        "faqs": [],
    },
    "faq": {
        "title": "Questions you might have",
        "summary": (
            "Short, honest answers to questions people often have after a relationship that was "
            "frightening or controlling."
        ),
        "body": (
            "Here are some questions people often ask after a relationship where they were hurt, "
            "threatened or controlled. For anything else, a helpline on the Safety page can talk "
            "it through with you."
        ),
        "key_points": [
            "Abuse isn't only physical.",
            "Missing someone who hurt you is common, and nothing to be ashamed of.",
            "Real change shows in behaviour over a long time, not in promises.",
            "Help is there, and you don't need to be sure of anything to ask for it.",
        ],
        "prompts": [
            "Which of these questions matters most to me right now, and why?",
            "What would I like to ask a helpline?",
        ],
        "faqs": [
            IS_IT_ABUSE,
            {
                "question": "Why do I still miss them?",
                "answer": (
                    "Because you cared, and perhaps still do. The good days were real, and when "
                    "a relationship swings between hurt and warmth, the calm spells can feel "
                    "like closeness and the bond can be very strong. Missing them is common and "
                    "nothing to be ashamed of. It doesn't mean you were wrong to step away, or "
                    "that you should go back. It's a sign you deserve support: talk to someone "
                    "you trust, write in your journal, or call a helpline on the Safety page."
                ),
            },
            {
                "question": "What if they say they've changed?",
                "answer": (
                    "Many people hear this, often more than once, and it's natural to want to "
                    "believe it. Change is possible only when the person fully owns the harm "
                    "they did and keeps working at it, usually on a specialist programme, and it "
                    "shows in how they behave over a long time, not in words, gifts or promises. "
                    "It isn't your job to test it, wait for it or help it along. Couples "
                    "counselling is often not advised where there has been abuse. A helpline can "
                    "help you think through what you're hearing, and your safety plan can "
                    "include what to do if they get in touch."
                ),
            },
            {
                "question": "Can I be safe if we share friends or live nearby?",
                "answer": """\
There is a lot you can do, though it takes some planning. For example:
- Tell one or two friends you trust what happened, and ask them not to pass on where you are or what you're doing.
- Check your privacy settings on social media: who can see your posts, photos you're tagged in and your location.
- Vary your routes and times where you can, and know the safe places nearby: a shop, a neighbour, a friend's home.
- Let your work or college know if you're worried, so someone there can help.
- Add all of this to your safety plan.

In many places a court can order someone to stay away from you. A helpline or a solicitor can tell you what is available where you live.""",
            },
            {
                "question": "Do I need to talk to them to get closure?",
                "answer": (
                    "No. Closure is something you can find without them. A conversation with "
                    "someone who hurt you can pull you back into old patterns, and they may not "
                    "give you the answers you hope for. Many people find it helps to write "
                    "everything they would want to say in a letter they never send, kept in "
                    "their journal, or to talk it through with a counsellor or a helpline."
                ),
            },
            {
                "question": "Who can I talk to?",
                "answer": (
                    "The Safety page lists domestic abuse helplines and support services for "
                    "your country; many are free and confidential, and some are open day and "
                    "night. You don't have to be sure it was abuse, or have decided anything, "
                    "to call. Friends and family you trust, and your doctor, can help too. If you "
                    "are in danger, call your local emergency number. A call to a helpline can "
                    "show in your phone's call history, and the Safety page explains how to keep "
                    "that private."
                ),
            },
        ],
    },
}

TEXTS: dict[str, object] = {
    # The insights page: how the person felt after contact, in their own check-ins; never a
    # figure read as a reason to be in touch, and support always in reach.
    "INSIGHTS": {
        "link": "How you have felt after contact",
        "title": "How you have felt after contact",
        "intro": (
            "Your own check-ins beside the days you noted contact, week by week since the first "
            "of them, over the last 13 weeks at most. It is a private record for you, and it asks "
            "nothing of you. Only days with a check-in count towards the averages."
        ),
        "figures_title": "How you felt, in your check-ins",
        "mood": {
            "contact": "On days there was contact, your mood averaged {mood} out of 5, over {days}.",
            "after": "On the day after contact, your mood averaged {mood} out of 5, over {days}.",
            "without": "On days with no contact, your mood averaged {mood} out of 5, over {days}.",
        },
        "sleep": {
            "contact": "On days there was contact, you slept {sleep} hours on average, over {days}.",
            "after": "On the day after contact, you slept {sleep} hours on average, over {days}.",
            "without": "On days with no contact, you slept {sleep} hours on average, over {days}.",
        },
        "groups": {
            "contact": "Days there was contact",
            "after": "The day after contact",
            "without": "Days with no contact",
        },
        "too_few": "{group}: too few days to tell yet ({days} with a check-in; an average needs "
        "at least {minimum}).",
        "not_cause": "This shows what happened together, not what caused what.",
        "how_counted": (
            "A day counts once, however many contacts it had. Days with no contact leave out the "
            "day after a contact, which has its own figure."
        ),
        "mood_chart_title": "Your mood and the days there was contact",
        "urges_title": "Hard moments, week by week",
        "urges_intro": "Each hard moment you noted, and where it ended.",
        "resisted": "Got through",
        "acted": "Ended in contact",
        "support": (
            "However these figures look, what you felt after contact matters. If contact leaves "
            "you frightened, low or shaken, you don't have to carry it alone: a helpline can "
            "listen and help you think about your safety. If you are in danger, call your local "
            "emergency number."
        ),
        "support_link": "Helplines and support on the Safety page",
        "source": (
            "These figures are worked out on our server each time you open this page, from the "
            "dates, moods, hours of sleep and hard moments you saved, never from your notes. "
            "Nothing is sent anywhere."
        ),
    },
    # "Take to a counsellor": for a support worker too, with the risk of a copy being found
    # said plainly (domestic-abuse safety planning: where records are kept).
    "COUNSELLOR": {
        "link": "Take to a counsellor or support worker",
        "title": "Take it to a counsellor or support worker",
        "intro": (
            "Bring what you have written here to a counsellor, a therapist or a domestic abuse "
            "support worker. Choose what goes in, and you get one plain document to print or save "
            "as a PDF from your browser. It is put together on our server from your choices only; "
            "there is no link to share, and nobody else can open it."
        ),
        "keep_safe": (
            "Think first about where it will be kept. If someone who has hurt or controlled you "
            "could find a printed page or a file, it may be safer to print it at the service you "
            "are going to, or to show it there on screen and not keep a copy. A support worker "
            "can help you plan this, and the Safety page lists who to call."
        ),
        "parts": {
            "exercises": "What you wrote in each part of the program",
            "checkins": "Your check-ins and how you felt after contact, for the dates below",
            "safety_plan": "Your safety plan",
            "decision_aid": "Your danger check answers",
        },
        "document_title": "Notes for my counsellor or support worker",
        "decision_aid_title": "My danger check answers",
        "document_intro": (
            "These are my own notes from a self-guided program about a relationship that "
            "ended, which I found frightening or controlling. I chose what is in here to talk "
            "it through with you."
        ),
    },
    "URGE_TITLE": "A hard moment",
    "URGE_ENDED": {
        "waited": (
            "You got through this moment. Be gentle with yourself; the Safety page is there "
            "whenever you want to talk to someone."
        ),
        "held": "Write whatever you need to. Only you can read it, and nothing is ever sent.",
        "journal": "Write whatever you need to. Only you can read it.",
        "reached_out": (
            "Noted, without judgement. If that contact left you feeling unsafe, the Safety page "
            "lists people you can talk to today, and your safety plan is there. If you want a "
            "dated record of it, you can add it to your record of contact."
        ),
    },
    "SELF_CARE_INTRO": (
        "A quick, private daily check-in on the basics: sleep, food, movement, everyday care "
        "and mood. After a frightening relationship, feeling tired, on edge or low is common, "
        "and a hard day isn't a failure. Just notice how you're doing, and be kind to yourself."
    ),
    "SPACE_GUIDANCE": {
        "too_soon": (
            "There has been contact in the last few days. You don't have to reply to anything, "
            "and none of it is your fault. If it worried you, look at your safety plan, talk to "
            "someone you trust, or find a helpline on the Safety page. If you are in danger, call "
            "your local emergency number."
        ),
        "balanced": (
            "It's been a few days or more since the last contact you logged. That distance is "
            "yours, and it protects you. Keep saving anything they send, with its date, and keep "
            "your safety plan to hand."
        ),
        "too_long": (
            "It's been more than a month since the last contact you logged. That is space you "
            "have kept for yourself, and it's worth being proud of. There's nothing you need to "
            "do about it. If they do get in touch, you can note it here."
        ),
        "none": (
            "No contact logged, and there's nothing you need to do about that. If your ex does "
            "get in touch, you can note the date and what happened here, as a private record."
        ),
    },
    "CONTACT_LOG_INTRO": (
        "A private, dated record of any contact with your ex: when it happened, how, who "
        "started it and anything you want to note about it. It isn't a measure of anything you "
        "should do. A clear record can help you see what is going on, and it can matter if you "
        "ever need to show what happened, for example to a solicitor, the police or a court. "
        "Only you can see it."
    ),
    "VALUE_REMINDERS": [
        "You deserve respect, kindness and safety, always.",
        "Your worth never depended on your ex, and it doesn't now.",
    ],
    "URGE_ENCOURAGEMENT": (
        "Wanting to hear from them, or to reach them, is very common after a relationship like "
        "this, and it doesn't mean anything is wrong with you. The feeling rises, peaks and "
        "passes, usually within minutes, and you don't have to act on it. Let it be here while "
        "you look after yourself, and if you can, reach out to someone who is good for you, or "
        "to a helpline on the Safety page."
    ),
    "MEMORY_GUIDANCE": (
        "Write down moments that are yours: times you felt like yourself, safe, proud or happy. "
        "They can come from any part of your life, on your own or with people who are good for "
        "you. Small moments count too: a good laugh, a quiet morning, something you made or "
        "managed. This is about you, not about your ex."
    ),
    "EXERCISE_TITLES": {
        "memories": "Moments that are yours",
        "contacts": "A record of contact",
        "readiness": "A danger check",
    },
    # The decision aid weighs up getting back together; in its place, the signs research
    # links to the greatest danger (the safety app's danger check).
    "DANGER_CHECK_IN": "readiness",
    "SET_ASIDE": {
        "apology": {
            "title": "The apology draft is not part of your path",
            "body": """\
Other readers use this exercise to think about an apology to their ex. It isn't part of your path. You owe no one an apology for keeping yourself safe, and what happened was not your fault.

If guilt or self-blame is weighing on you, you could:
- Write about it in your journal, where only you can read it.
- Talk it through with a helpline on the Safety page.
- Read “What happened was not your fault”, the first stage of your path.""",
        },
        "feelings": {
            "title": "Watching for signs is not part of your path",
            "body": """\
Other readers use this exercise to look for signs of how their ex feels about them. It isn't part of your path. Your ex's moods are not yours to track or manage, and you no longer need to read them to keep the peace.

What matters here is how you feel. Instead, you could:
- Do the daily self-care check-in.
- Note any contact in “A record of contact”, as a private, dated record.
- Write in your journal about how you feel today.""",
        },
        "reach_out": {
            "title": "The before-you-reach-out check is not part of your path",
            "body": """\
Other readers use this check to pause before getting in touch with their ex. For you, getting back in touch is not the goal, so this check isn't part of your path.

If you feel a strong pull to contact them, that is common, and it will pass. You could:
- Use the “Having a hard moment?” button for a minute to steady yourself.
- Call or message someone you trust, or a helpline on the Safety page.
- Look at your safety plan.
- Write what you want to say in your journal, where it stays private and is never sent.""",
        },
        "held_messages": {
            "title": "Writing messages to send later is not part of your path",
            "body": """\
Other readers write messages here and hold them back before deciding whether to send them. That isn't part of your path: nothing in this program is a step towards contact with your ex.

If there are things you want to say to them, it can still help to write them down. Your journal is private, and nothing in it is ever sent. A letter you never send can hold anger, grief or questions, and stay yours alone.

If you are thinking of replying to something your ex sent, a helpline on the Safety page can help you think about whether that is safe.""",
        },
        "responsibilities": {
            "title": "This exercise is not part of your path",
            "body": """\
Other readers use this exercise to look at what they got wrong in the relationship. When someone has hurt, threatened or controlled you, that can feed the self-blame that control so often leaves behind, so it isn't part of your path. The person who harms is responsible for the harm.

Instead, you could:
- Write in your journal about what you were told was your fault, and whether you still believe it.
- Read “Whose responsibility it is”, the fifth stage of your path.
- Talk to a helpline on the Safety page if guilt feels heavy.""",
        },
        "patterns": {
            "title": "New habits for the relationship are not part of your path",
            "body": """\
Other readers use this exercise to plan new habits for their relationship. It isn't part of your path. It was never your job to fix a relationship where you were hurt or controlled, and no habit of yours could have prevented it.

Instead, you could:
- Read about patterns of control in this stage, and note any you recognise in your journal.
- Write down what you would want to notice early on in any future relationship, and what you would never accept.
- Talk a pattern through with a helpline on the Safety page.""",
        },
        "date_idea": {
            "title": "Planning a date is not part of your path",
            "body": """\
Other readers use this space to note an idea for a date with their ex. It isn't part of your path, and nothing here will suggest meeting your ex.

If you'd like something to look forward to, plan something just for you, or with someone who is good for you: a day out, a meal with a friend, something you have wanted to try.

“Moments that are yours”, in this stage, is a place to write about times you felt like yourself.""",
        },
    },
}
