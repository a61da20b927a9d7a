"""Invented articles for the engine tests, written for this test suite (no copied news text).

Each one packs many hard cases into a short text: scraping debris, every common quote-mark
style, marks lost in scraping, quotes split by their attribution or running over
paragraphs, role nouns, pronouns, channels, reported speech and stake sentences.
The verbatim invariant is checked on all of them, on examples/sample-article.txt and on
the seed article in ../shared when it is present.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE_ARTICLE = REPO / "examples" / "sample-article.txt"
SEED_ARTICLE = REPO.parent / "shared" / "examples" / "seed-putin-talks" / "article.txt"

FERRY_STRIKE = """\
Homepage News Regional
Ferry Strike Leaves Islanders Stranded
Ferry Strike Leaves Islanders Stranded
Ferry Strike Leaves Islanders Stranded

Crews on the northern ferry routes walked off the job on Monday, leaving hundreds of \
travellers and two supply trucks stranded at the harbour in Kelvik.

Union secretary Mara Quist said the strike would last until the operator, Northline \
Ferries, restores the pay it cut in the spring. "We did not want this," she said. "But \
the company left us no other way."

Northline's chief executive, Jonas Brekke, told the Harbour Gazette that the company \
could not afford the old wages. "If we pay what they ask, we will have to sell two \
ships," Brekke said, "and then nobody sails at all."

Also read

Others are reading now

His deputy, Ines Salo, was more hopeful. "I think we can meet halfway," she wrote on \
Telegram. "Both sides want the boats running by the weekend.

"Nobody gains from a long strike."

"It is a disgrace," said islander Petra Lund, who missed a hospital appointment in the city.

According to the regional council, food stocks on the smaller islands will last about \
a week.

Did you like this article? Share it with your friends!
"""

QUOTE_MARKS_TOUR = """\
The village of Orne held its first open council meeting in a decade on Tuesday night.

Mayor Hugo Lenz opened the meeting by reading the budget aloud. ‘We have balanced the \
books for the first time in years,’ he said. He called the old deficit ‘a weight on \
every family’ and thanked the staff.

Councillor Edda Marsh was not impressed. «The roads are still broken and the school \
roof still leaks,» she told the room.

the numbers only add up because the repairs were postponed,” Marsh added a moment later.

Lenz answered her directly: “The repairs are scheduled for the spring and the money \
is already set aside

The evening ended with a screening of the documentary "Roads of Orne" in the hall, which \
the so-called "experts" from the county had praised.

It's the farmers' market that everyone talks about, though, and the mayor's plan to \
move it hasn't won many friends.
"""

PLANT_SALE = """\
The board of Tessel Chemicals will vote next week on selling its oldest plant, in the \
river town of Aubry, to a foreign buyer.

Chairman Viktor Hahn wants to sell the plant to raise cash for a new battery factory. \
Hahn says the sale would save the company from a third year of losses.

According to Hahn, the buyer has promised to keep every worker for at least two years.

Workers fear the plan would end a century of production in Aubry. Union leader Rosa \
Imbert warned that the sale could cost four hundred jobs within five years.

"If the buyer backs out, the company risks losing its credit line," said Felix Amsel, \
an analyst at Orlov Bank. "The board is betting everything on one deal."

The town stands to lose a tenth of its tax income if the plant closes. Mayor Lina \
Okoro said the town would sue unless the buyer signs a binding jobs pledge.

The sale could also trigger a review by the competition authority, which would delay \
the deal by months.

Environmental groups hope to use the sale to force a cleanup of the river bank. The \
cleanup alone could cost more than the plant is worth, Amsel said.

Investors want the board to approve the deal quickly, and the share price rose on the \
news. Hahn aims to close the sale before the end of the year.
"""

MESSY_PASTE = """\
Home > World > Politics

Budget talks collapse at midnight

Finance Minister Oda Varga: "There will be no deal tonight and no deal this week."

Opposition leader Tomas Kerr called the budget "a fantasy" and said his party would \
vote against it. "We've read it twice, and it's worse the second time," Kerr said. \
"Nobody's pension is safe under this plan."

"The minister knows it," Kerr said, "and the voters will know it too."

Varga's spokesman, Nils Aalto, answered on X: "The minister has 'no intention' of \
changing course." — a line he repeated to reporters the next morning.

“Talks will resume on Friday,“ Aalto said. ”We expect a long weekend.”

Share this article
"""

ARTICLES = {
    "ferry_strike": FERRY_STRIKE,
    "quote_marks_tour": QUOTE_MARKS_TOUR,
    "plant_sale": PLANT_SALE,
    "messy_paste": MESSY_PASTE,
}
