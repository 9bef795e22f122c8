"""Selector flood benchmark: a 1,000 msg/s chat flood through the selector, simulated clock.

The messages are built first (pydantic construction is not the selector's cost), then fed
to :class:`engines.ai.selector.Selector` in order, ``now`` advancing 1/rate per message;
``pick`` is called every ``--pick-every`` simulated seconds, as a character that is free
again every two seconds would. The mix is a lively channel's: reactions and emote walls,
copypasta waves, questions, mentions of the bot (some with questions), greetings,
first-time chatters, subscribers, cheers, commands and other bots, plus a raid and a gift
burst along the way.

    .venv/bin/python benchmarks/selector_flood.py --messages 20000 --rate 1000

The last line printed is one JSON object: selector_us_per_msg (offers and picks together,
per message), offer_p50_us, offer_p99_us, pick_mean_us, max_pending, messages, picks and
drops_by_reason.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engines.ai.selector import Selector, SelectorConfig
from engines.ai.selector_scoring import words
from engines.events import ChatMessage, EventBase, Fragment, GiftSubs, Raid, Role, Subscription, Viewer

REACTIONS = [
    "lol",
    "KEKW",
    "W",
    "LUL",
    "gg",
    "true",
    "fr fr",
    "nice dodge",
    "F",
    "LETS GOOO",
    "Pog",
    "omg",
    "xd",
]
EMOTE_WALLS = [
    "PogChamp PogChamp PogChamp",
    "KEKW KEKW KEKW KEKW",
    "soraHype soraHype soraHype",
    "LUL LUL LUL",
]
PASTAS = [
    "When I was 7 my mom said I could have one wish and I said I want an AI streamer who reads chat",
    "🚨 ATTENTION 🚨 this is a certified banger stream, copy this if you agree 🚨",
    "Hiyori is my favourite streamer and Sora is just the guy who holds the controller",
]
QUESTIONS = [
    "what game is this?",
    "how long has he been streaming?",
    "is this the final boss?",
    "what build is he using?",
    "when is the next stream?",
    "does anyone know the song name?",
]
MENTIONS = [
    "Hiyori you are the best",
    "@Hiyori what is your favourite food?",
    "hiyori do you dream?",
    "@hiyori say something in Japanese",
    "Hiyori, can you roast Sora please?",
    "ひより、今日のボスは勝てると思う？",
]
GREETINGS = ["hi", "hello!", "hey chat", "hi Hiyori", "hiii", "o/", "yo", "good evening everyone"]
WORDS = sorted(
    words(
        "boss dodge roll sword bow build level map music chat stream game player fight jump run hammer shield "
        "magic spell armor weapon quest dragon castle dungeon loot chest enemy attack combo parry block stamina "
        "health potion ring talisman horse bridge tower ghost knight giant wolf crow ship cannon anchor sail "
        "island treasure skeleton barrel gunpowder storm wave captain crew deck mast kraken megalodon pirate "
        "song voice avatar model camera light mic sound volume lag frame fps drop crash patch update mod "
        "today tonight tomorrow yesterday again finally almost never always maybe really very super so too "
        "good bad great awful funny weird cute cool scary hard easy fast slow big small old new first last "
        "i you he she we they it this that my your his our their me him us them what why how when where who"
    )
)


def viewer(login: str) -> Viewer:
    return Viewer(id=str(zlib.crc32(login.encode())), login=login, display_name=login)


def make_flood(n: int, seed: int) -> list[EventBase]:
    """``n`` chat messages in a realistic mix, plus a raid and a gift burst."""
    rng = random.Random(seed)
    users = [viewer(f"user{i}") for i in range(3_000)]
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(users))]  # a few viewers talk a lot
    seen: set[str] = set()
    out: list[EventBase] = []
    pasta_wave = 0
    for i in range(n):
        if i == n // 4:
            out.append(Raid(channel="bench", from_user=viewer("raider_streamer"), viewers=400))
        if i == n // 2:
            out.append(GiftSubs(channel="bench", user=viewer("gifter"), total=20))
            out.extend(Subscription(channel="bench", user=users[j], is_gift=True) for j in range(20))
        user = rng.choices(users, weights)[0]
        roll = rng.random()
        fragments: tuple[Fragment, ...] = ()
        bits = 0
        if pasta_wave > 0:
            pasta_wave -= 1
            text = PASTAS[i // 997 % len(PASTAS)]
        elif roll < 0.30:
            text = rng.choice(REACTIONS)
        elif roll < 0.36:
            text = rng.choice(EMOTE_WALLS)
            fragments = tuple(Fragment(kind="emote", text=w, emote_id="1") for w in text.split())
        elif roll < 0.38:
            pasta_wave = rng.randint(20, 80)
            text = PASTAS[i // 997 % len(PASTAS)]
        elif roll < 0.48:
            text = rng.choice(QUESTIONS)
        elif roll < 0.56:
            text = rng.choice(MENTIONS)
        elif roll < 0.62:
            text = rng.choice(GREETINGS)
        elif roll < 0.64:
            text = rng.choice(["!discord", "!socials", "!uptime"])
        elif roll < 0.65:
            user = viewer("nightbot")
            text = "Follow Sora on all the socials!"
        elif roll < 0.66:
            bits = rng.choice([100, 500, 1000])
            text = f"Cheer{bits} " + " ".join(rng.choices(WORDS, k=5))
        else:
            text = " ".join(rng.choices(WORDS, k=rng.randint(3, 12))) + rng.choice(["", "", "?", "!", " lol"])
        first = user.login not in seen
        seen.add(user.login)
        roles = frozenset({Role.SUBSCRIBER}) if int(user.id) % 3 == 0 else frozenset()
        out.append(
            ChatMessage(
                channel="bench",
                user=user,
                text=text,
                fragments=fragments,
                bits=bits,
                roles=roles,
                first_message=first and rng.random() < 0.3,
            )
        )
    return out


def run(events: list[EventBase], rate: float, pick_every: float) -> dict[str, object]:
    sel = Selector(
        SelectorConfig(
            bot_name="Hiyori", aliases=("ひより",), bot_logins=frozenset({"hiyori"}), min_gap_s=1.0
        )
    )
    offer_ns: list[int] = []
    pick_ns: list[int] = []
    picks = 0
    max_pending = 0
    next_pick = pick_every
    clock = time.perf_counter_ns
    messages = 0
    for i, event in enumerate(events):
        now = i / rate
        t0 = clock()
        sel.offer(event, now)
        offer_ns.append(clock() - t0)
        messages += isinstance(event, ChatMessage)
        if now >= next_pick:
            next_pick += pick_every
            t0 = clock()
            pick = sel.pick(now)
            pick_ns.append(clock() - t0)
            picks += pick is not None
            max_pending = max(max_pending, sel.pending)
    drops = Counter(d.reason for d in sel.drain_decisions() if d.action == "drop")
    total_ns = sum(offer_ns) + sum(pick_ns)
    offer_sorted = sorted(offer_ns)
    return {
        "selector_us_per_msg": round(total_ns / len(events) / 1_000, 3),
        "offer_p50_us": round(offer_sorted[len(offer_sorted) // 2] / 1_000, 3),
        "offer_p99_us": round(offer_sorted[int(len(offer_sorted) * 0.99)] / 1_000, 3),
        "pick_mean_us": round(statistics.fmean(pick_ns) / 1_000, 1) if pick_ns else 0.0,
        "max_pending": max_pending,
        "pool_limit": sel.config.pool_limit,
        "messages": messages,
        "events": len(events),
        "picks": picks,
        "drops_by_reason": dict(drops.most_common()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--rate", type=float, default=1_000.0, help="chat messages per simulated second")
    parser.add_argument("--pick-every", type=float, default=2.0, help="simulated seconds between picks")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    events = make_flood(args.messages, args.seed)
    run(make_flood(2_000, args.seed + 1), args.rate, args.pick_every)  # warm-up: imports, regex caches
    result = run(events, args.rate, args.pick_every)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
