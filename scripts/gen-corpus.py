#!/usr/bin/env python3
"""Writes N realistic follow-up drafts (default 10,000) into a folder, plus the
ASCII-boundary phrase list used for the ripgrep baseline. Deterministic (seeded)."""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "bench-corpus"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rng = random.Random(42)
names = ["Jane", "Sam", "Priya", "Chidi", "Ana", "Lee", "Marta", "Tom", "Aisha", "Kenji"]
roles = ["data analyst", "support engineer", "product designer", "backend developer", "marketing lead"]
greetings = ["Hi {n},", "Dear {n},", "Hello {n},", "Good morning {n},", "{n},"]
pleasantries = [
    "I hope you had a restful Thanksgiving.", "I hope your week is going well.",
    "Thank you again for your time on Tuesday.", "Congratulations on the product launch!",
    "How was your trip to Denver?", "It was a pleasure meeting you at the career fair.", "",
]
asks = [
    "I wanted to check in on the {r} role.", "Is there an update on the {r} position?",
    "Could you let me know where things stand with the {r} role?",
    "I'm writing to ask about next steps for the {r} opening.",
]
interest = [
    "I remain very interested in the {r} role.", "I'm still excited about the opportunity to join your team.",
    "I'm eager to contribute to your team.", "",
]
blame = [
    "I still haven't heard back since our interview.", "Per my last email, I'm available Tuesday.",
    "I'm still waiting on a decision.", "You never replied to my note.",
    "It's been three weeks and I still have no answer.", "You said you would get back to me by Friday.",
]
filler = [
    "Our conversation about the migration project stayed with me.",
    "I've attached the portfolio piece we discussed, in case it is useful.",
    "My availability next week is open on Tuesday and Wednesday afternoons.",
    "I enjoyed learning how the team runs its weekly planning.",
]
os.makedirs(out, exist_ok=True)
for i in range(n):
    nm, r = rng.choice(names), rng.choice(roles)
    parts = [rng.choice(greetings).format(n=nm), ""]
    body = [rng.choice(pleasantries), rng.choice(asks).format(r=r)]
    body += rng.sample(filler, 2)
    if rng.random() < 0.3:
        body.insert(rng.randrange(1, len(body)), rng.choice(blame))
    body.append(rng.choice(interest).format(r=r))
    text = " ".join(s for s in body if s)
    # Hard-wrap at 72 columns, as mail clients do.
    line, lines = "", []
    for w in text.split():
        if len(line) + len(w) + 1 > 72:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    parts += lines + ["", "Best,", rng.choice(names)]
    if rng.random() < 0.3:
        parts += ["", f"On Tue, Nov 3, 2026 at 9:12 AM {nm} <x@example.com> wrote:", "> Thanks for applying."]
    with open(os.path.join(out, f"draft-{i:05}.txt"), "w") as f:
        f.write("\n".join(parts) + "\n")
