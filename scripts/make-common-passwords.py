"""Write lpb/data/common-passwords.txt from zxcvbn's password list (MIT; from Mark Burnett's 10
million passwords, by frequency): the 10,000 most common, and every one of 10 or more characters
among the 30,000 it holds, since shorter ones are refused anyway.

Run with zxcvbn installed (pip install zxcvbn==4.5.0): python scripts/make-common-passwords.py
"""

from pathlib import Path

from zxcvbn.frequency_lists import FREQUENCY_LISTS

TARGET = Path(__file__).resolve().parent.parent / "lpb" / "data" / "common-passwords.txt"

ranked = FREQUENCY_LISTS["passwords"]
chosen = ranked[:10_000] + [password for password in ranked[10_000:] if len(password) >= 10]
TARGET.write_text("\n".join(chosen) + "\n", encoding="utf-8")
print(f"{len(chosen)} passwords written to {TARGET}")
