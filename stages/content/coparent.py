"""For a parent who shares children, or cares for children, with their ex, and who said no to
every safety question (a co-parent for whom reconnecting is unsafe reads unsafe_coparent.py).

Co-parents can't step out of each other's lives, so nothing here tells them to cut contact or
to disappear. Contact is kept to the children: one channel, brief and businesslike, with a
written parenting plan and predictable handovers. "Space" means emotional space and keeping
personal conversations apart from the children's arrangements, never absence from the
children's lives. The children are never messengers, never hear their parents argue, and are
kept out of any plans to reconnect until things are settled. Sections not named here, and
fields left out, fall back to everyone.py.

Body text conventions as in everyone.py: paragraphs separated by one blank line, a line starting
with "- " is a bullet, no HTML and no Markdown. "Safety page" becomes a link to the Safety page.
"""

SECTIONS: dict[str, dict] = {
    "introduction": {
        "summary": (
            "Most of us wonder about this at some point, and when you share children the "
            "question touches them too. This program helps you think it through honestly, at "
            "your own pace, with your wellbeing, the children's stability and your safety first."
        ),
        "body": """\
Most of us ask ourselves this at one time or another. If you're here, it's probably because you've noticed how much you miss your ex, and you're wondering whether there's a way back. When you share children, or care for children together, that question is bigger than the two of you.

This program walks you through seven stages, followed by a few closing thoughts, to help you think it through honestly. It can't promise a particular outcome. What it can do is help you look after yourself, understand what went wrong, and work out what you really want, while keeping the children's lives steady whatever happens between you.

As parents, you'll stay in touch about the children, and that's as it should be. Where other readers are asked to give their ex room, you'll find advice written for parents: keeping conversations about the children calm, brief and separate from anything personal, so the children are never caught in the middle.

Give it time. Reconnecting with someone rarely happens quickly, and it's rarely simple, though it is possible. Your ex may not feel as ready to try again as you do, and that is their right.

What the program asks of you:
- Be honest with yourself, even when it's uncomfortable.
- Be patient, with yourself and with your ex.
- Look openly at your own part in what happened.
- Respect your ex's choices and their need for space.
- Keep the children out of the middle, whatever happens.
- Keep looking after yourself.

The stages are self-paced, and none of them is ever locked. You can go through them in order, skip ahead, or come back to any stage whenever you like. Each stage has a few journal prompts, and some have short exercises.

A note on safety. Getting back together is not the goal if the relationship was unsafe. If your ex hurt you, threatened you, controlled you or made you feel afraid, please put your own safety and the children's first, and see the Safety page for places to find help.""",
        "key_points": [
            "Reconnecting takes patience and rarely happens quickly.",
            "Your ex may not be as ready as you are, and that's their choice.",
            "You'll stay in touch about the children; keep it calm and apart from anything "
            "personal.",
            "The children's stability matters, whatever happens between you.",
            "The stages are self-paced and never locked.",
            "If the relationship was unsafe, your safety and the children's come first: see the "
            "Safety page.",
        ],
    },
    "time-and-space": {
        "title": "Give each other space, with the children in the picture",
        "summary": (
            "For parents, space means emotional space: keeping personal conversations apart "
            "from the children's arrangements. Contact about the children stays steady, brief "
            "and friendly, and the children stay out of the middle."
        ),
        "body": """\
Other readers are asked to give their ex time and room. You'll still be in touch, because you are both parents, and the children need that to go well. So for you, space doesn't mean absence. It means emotional space: letting old feelings settle, and keeping personal conversations apart from the everyday business of raising children.

That separation helps everyone. Your ex gets room to feel whatever they feel without it spilling into handovers. The children get parents who can talk calmly about them. And you get a clearer view of what you want, without every school run turning into a conversation about the relationship.

Things many parents find helpful:
- Use one channel for the children's arrangements, such as a co-parenting app, email or a shared calendar. It keeps things clear and gives you both a record.
- Keep messages brief, informative, friendly and firm. Bill Eddy calls this a BIFF response: say what's needed, kindly, and stop there.
- Agree a written parenting plan: who has the children when, how handovers work, holidays and special days, and how decisions about school, health and money get made.
- Keep handovers short and predictable, at the same times and places where you can.
- Never ask the children to carry messages, pass on news or report back. They are children, not go-betweens.
- Don't argue in front of them, whether in person, on the phone or within earshot.
- Support the children's relationship with their other parent. It matters to them, whatever has happened between the adults.

If you want to talk about the two of you, choose a separate time, away from the children and from handovers, and only if your ex is open to it. Raising the relationship while you're sorting out the week's arrangements tends to wear people down and makes both conversations harder.

It can be hard to see your ex often and still hold back. Be patient and steady. Let the arrangements be reliable, and let anything more personal grow, or not, in its own time.

The contact log on this stage can help you notice whether personal conversations are creeping into the ones about the children.""",
        "key_points": [
            "Space means emotional space, not absence from the children's lives.",
            "Use one channel for the children's arrangements, and keep messages brief, "
            "informative, friendly and firm.",
            "A written parenting plan makes handovers, holidays and decisions predictable.",
            "Children are never messengers, and never hear you argue.",
            "Talk about the two of you separately, and only if your ex is open to it.",
        ],
        "prompts": [
            "How do our conversations about the children usually go, and what would make them "
            "calmer?",
            "Where do personal feelings creep into our arrangements for the children?",
            "What would a good handover look like, for the children and for us?",
            "What do the children need from both of us right now?",
        ],
        "faqs": [],
    },
    "never-lower-your-value": {
        "body": """\
If you remember only one thing from this program, let it be this: don't lower your value.

In practice, that comes down to two rules:
- Keep your dignity.
- Remember that there are many other people you could meet, even if the pain of the breakup tells you otherwise.

You may feel a strong, urgent pull to get your ex back as quickly as possible. That's completely understandable when you've lost something that mattered so much. But desperation is easy for others to sense, and it rarely draws anyone closer. To give the relationship a real chance, show up with self-respect, even when it's hard.

As a parent, you'll be in touch with your ex about the children. That isn't reaching out; it's part of looking after them, and it should stay about them. Keep personal messages apart: a separate conversation, at a separate time, and only once you know your ex is open to one.

So, please, steer clear of things like:
- Pleading with your ex for one more chance.
- Using a handover, or a message about the children, to bring up the relationship.
- Grand, dramatic gestures, such as turning up at their home to declare your love.
- Calling them in tears for hours, especially after a few drinks.
- Grovelling, or putting yourself down to get their attention.

None of these tend to bring anyone back, and at a handover they put the children in the middle.

Feeling vulnerable after a breakup is normal, and being open about your feelings isn't a weakness. Just use good judgement about when and how. Be careful not to pour your heart out until you have a clear sign that your ex is open to hearing from you in that way.

Before you reach out about anything personal, the short check on this stage asks a few honest questions to help you pause and think.""",
        "key_points": [
            "Keep your dignity.",
            "There are many other people you could meet.",
            "Contact about the children isn't reaching out; keep it about them.",
            "Keep personal messages apart, and hold them until you know they're welcome.",
            "No pleading or scenes, and never at a handover.",
        ],
    },
    "celebrate-the-good-times": {
        "body": """\
When things are hard, it's natural to fix on the faults and the worst moments. A conversation meant to sort something out can slide into a list of complaints, or turn into begging.

So make a point of remembering the good times too. Think about what you loved about being a couple, the moments that made you laugh, and the ways you looked after each other, as partners and as parents. When the moment is right, you can gently remind your ex how good things were between you.

Keep a quiet belief in the two of you, without forcing it on anyone.

Keep the children out of it. Don't share your hopes with them, ask them what they think, or plan family outings meant to bring the two of you closer. Children often hope their parents will get back together, and raising that hope before anything is settled can hurt them badly if it comes to nothing. Time with the children should be about them.

Once you're talking warmly again, and you're confident you both feel a real emotional connection, you might suggest a date, just the two of you, with childcare arranged. Only suggest it then, not before, and never at a handover.

Throughout, respect their space. Don't crowd your ex with your own plans or press your agenda on them. Any reconnection has to be something you both want.""",
        "key_points": [
            "Crises make it easy to focus only on the bad.",
            "Remember, and gently share, the good times.",
            "Keep the children out of any plans to reconnect.",
            "Don't raise the children's hopes before anything is settled.",
            "A date is for the two of you, with childcare arranged, once you're both talking "
            "warmly.",
        ],
    },
    "keep-in-mind": {
        "body": """\
As you work through the stages, hold on to one idea.

Everyone changes over time, in all sorts of ways. But at heart, people usually stay who they are. The person you fell for, and the person you were then, are still there.

So don't give up on the connection you've shared. Let your ex see what you have to offer, and help them remember what brought you together at the start.

Whatever happens between the two of you, you will always be your children's parents. Being kind, reliable and respectful as co-parents is worth doing for its own sake, not as a way back. If you do reconnect, it's a strong foundation. If you don't, it's what your children will remember.

And whatever happens, remember that your worth doesn't depend on how this turns out.""",
        "key_points": [
            "People change, but their essence stays the same.",
            "Don't give up on the connection you shared.",
            "You'll always be your children's parents, whatever happens.",
            "Good co-parenting is worth doing for its own sake, not as a way back.",
        ],
    },
    "are-you-sure": {
        "body": """\
If you're truly sure the two of you belong together, don't give up at the first setback. The way back is often bumpy, and your ex's response may feel lukewarm or slow at times.

At the same time, ease off the pressure, especially early on, when you've only just started talking about more than the children again.

When you share children, this decision reaches further than the two of you. Children usually do best with stability: predictable routines, calm between their parents, and not being pulled back and forth. A reunion that settles into something lasting can be good for them. One that doesn't can mean a second separation, which may be harder on them than the first.

So it's worth asking what would happen if it didn't work a second time. How would you protect the children's routines, and their relationship with each of you? Could you go back to co-parenting calmly? Thinking this through isn't pessimism; it's care.

Check your reasons, too:
- Don't decide to get back together on impulse.
- Don't do it only for the children. They need parents who are steady and kind to each other, together or apart.
- Don't treat it as a sticking plaster that will fix your life or suddenly make you happy again.
- Do it only because you still love them and genuinely want the relationship to work.

Take it slowly, and keep the children out of it until you're both sure. The short reflection on this page can help you check in with yourself honestly.""",
        "key_points": [
            "If you're sure, don't give up easily, but ease off the pressure.",
            "Children need stability, whether their parents are together or apart.",
            "Think about what would happen if it didn't work a second time.",
            "Don't decide on impulse, as a quick fix, or only for the children.",
            "Keep the children out of it until you're both sure.",
        ],
        "prompts": [
            "Why do I want to get back together, in my own honest words?",
            "How would the children's lives change if we got back together, and if it then "
            "didn't last?",
            "Am I thinking of this for us, or mostly for the children?",
            "What would help us keep the children's lives steady, whatever we decide?",
        ],
    },
    "faq": {
        "faqs": [
            {
                "question": "Should I get back with my ex?",
                "answer": (
                    "Only if you're ready to make real changes. Both of you will need to "
                    "compromise, be honest about what went wrong, and stay aware of how you act "
                    "so you can do things differently this time. When you share children, think "
                    "about them too: a reunion that doesn't last can mean a second separation "
                    "for them. Go back because you want the relationship, not only for the "
                    "children, and keep them out of it until you're both sure. A real chance "
                    "comes from commitment on both sides. If the relationship was unsafe, your "
                    "safety and the children's come first: see the Safety page."
                ),
            },
            {
                "question": "Do exes actually get back together?",
                "answer": (
                    "Yes, sometimes they do, parents included. Every relationship is different, "
                    "and so is every person, so there's no guarantee either way. Sometimes what "
                    "makes the difference is showing up with more to offer than you did before. "
                    "Whatever happens, being a calm, reliable co-parent is worth doing for its "
                    "own sake."
                ),
            },
            {
                "question": "Can breaking up save a relationship?",
                "answer": (
                    "Not on its own. What keeps two people together is what they add to each "
                    "other's lives, including the shared feeling of being in love. A breakup "
                    "might make someone afraid of losing you, or send them back to escape "
                    "painful feelings, but fear and avoiding pain aren't a foundation to build "
                    "on, and neither is staying together only for the children. Rely on what you "
                    "can add to each other's lives."
                ),
            },
            {
                "question": "We have children together. How do we give each other space?",
                "answer": (
                    "By giving each other emotional space, not by stepping back from the "
                    "children. Keep contact about them on one channel, such as a co-parenting "
                    "app, email or a shared calendar, and keep it brief, informative, friendly "
                    "and firm. A written parenting plan takes a lot of the back-and-forth out of "
                    "everyday life. Keep personal conversations for a separate time, away from "
                    "the children and from handovers, and only if your ex is open to them."
                ),
            },
            {
                "question": "Should I tell the children we might get back together?",
                "answer": (
                    "Not yet. Wait until you're both sure and things are settled. Children often "
                    "hope their parents will get back together, and hopes raised and then "
                    "dashed can hurt them a great deal. Until then, keep their routines steady, "
                    "keep adult conversations out of their hearing, and don't ask them what "
                    "they think. When there is something certain to tell them, tell them "
                    "together if you can, simply, and in words that suit their age."
                ),
            },
            {
                "question": "What if talking about the children keeps turning into arguments?",
                "answer": (
                    "It happens to a lot of parents, especially early on. Move the arrangements "
                    "into writing, keep each message brief, informative, friendly and firm, and "
                    "answer only the practical question. If a conversation heats up, pause it "
                    "and come back to it later, never in front of the children. A written "
                    "parenting plan leaves less to argue about, and a family mediator can help "
                    "you agree one. If you ever feel afraid of your ex, that is different: see "
                    "the Safety page."
                ),
            },
        ],
    },
}

TEXTS: dict[str, object] = {
    "SPACE_GUIDANCE": {
        "too_soon": (
            "You were in touch in the last few days. If it was about the children, that's "
            "simply part of being parents. If it turned personal, it may help to give things "
            "some room now, and keep the next few conversations to the arrangements."
        ),
        "balanced": (
            "Your contact seems to have a steady rhythm. Keep conversations about the children "
            "brief and friendly, and save anything personal for a separate time, if and when "
            "your ex is open to it."
        ),
        "too_long": (
            "It's been a while since you logged any contact. If the children's arrangements "
            "are running smoothly through your usual channel, that's fine. If there's something "
            "personal you want to talk about, choose a calm moment away from the children and "
            "from handovers."
        ),
        "none": (
            "You haven't logged any contact yet. Whenever you're in touch with your ex, about "
            "the children or anything else, you can note it here and how it went."
        ),
    },
    "CONTACT_LOG_INTRO": (
        "As parents, you'll be in touch about the children, and that's expected. Note your "
        "contacts here and how each one went: over time, the log can show you whether handovers "
        "are staying calm, and whether personal conversations are creeping into the ones about "
        "the children."
    ),
    "DATE_IDEA_REMINDER": (
        "You can note an idea for a date, but keep it for when you're both talking warmly and "
        "feel connected again. Keep the children out of it until things are settled: arrange "
        "childcare, make it just the two of you, and never raise it at a handover."
    ),
}
