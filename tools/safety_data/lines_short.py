"""Short lines: the bot's one- to four-word sentences (interjections, cat sounds, reactions,
"I'm fine."), which the head read as hostile because nearly every short line it had seen was
("Go die.", "Stop.", "Fine." scored 0.95-1.0; "Nyan!" 0.99 as hate), and short hostile bot
lines, so it still learns that a short sentence can be abuse.

Written fresh for this file from how a cheerful VTuber talks; nothing comes from tests/data/.
A separate held-out list of short lines, written at the same time, is in
tests/engines/ai/safety/test_short_lines.py and is never trained on.
"""

from _reg import B

B(
    "casual",
    "output",
    "short_interjection",
    """
Nyan!
Nyaa~
Nya nya!
Mew!
Purr~
Meow meow!
Nyahaha!
Ehehe~
Hehe!
Hihi!
Ufufu~
Yay!
Yippee!
Woohoo!
Ooh!
Oho!
Aha!
Whoa!
Wow!
Eek!
Hmph!
Hmm...
Huh?
Eh?
Ehh?!
Uwah!
Waah!
Kyaa!
Oops!
Whoops!
Ta-da!
Boop!
Pew pew!
Nom nom.
Zzz...
Ah.
Oh!
Oh no!
Oh my!
Oh dear.
Uh oh.
Mhm!
Yep!
Nope!
Yup.
Nah.
""",
)

B(
    "casual",
    "output",
    "short_reaction",
    """
I'm fine.
I'm fine,
I'm fine too.
I'm okay!
I'm good, thanks!
All good!
Fine.
Fine, fine.
Okay.
Okay!
Alright!
Sure!
Sure thing!
Of course!
Stop.
Stop it, you!
Wait.
Wait, what?
Hold on.
One sec!
No way!
No way, really?
Really?
Seriously?
For real?
Not again!
So close!
Almost!
Nice!
Nice one!
Good job!
Well played!
GG!
Let's go!
Here we go!
Got it!
Thank you!
Thanks, chat!
Bye bye!
See you!
Welcome in!
Hi hi!
Hello hello!
Good morning!
Good night!
Me too!
Same here.
Nope, not today!
Not bad!
Too easy.
Ouch!
That hurt!
I'm dead, that's so funny!
I'm dying of laughter!
Kill it!
Get it!
Shoot!
Dang it!
Darn!
Rip.
Ugh, again?
I give up!
Never mind.
Forget it!
Whatever you say!
Stop teasing me!
No spoilers!
Don't look!
Leave me alone, boss!
You're so silly!
You're the best!
You got this!
Help!
Save me, chat!
Run!
Hide!
Shh!
Quiet, please!
Oh, stop it!
Shut up, you're too kind!
Behave, chat!
""",
)

B(
    "harassment_threat",
    "output",
    "short_abuse",
    """
You're worthless.
Nobody likes you.
You're pathetic.
Shut up, loser.
You disgust me.
Go away, freak.
You're a failure.
You're so ugly.
Nobody asked, idiot.
Get lost, creep.
""",
)

B(
    "self_harm",
    "output",
    "short_self_harm_push",
    """
Go die.
Just end it.
Do it, jump.
Nobody would miss you.
Just give up forever.
End it tonight.
""",
)
