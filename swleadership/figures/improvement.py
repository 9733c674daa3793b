"""The seven enablers of improvement as a team self-assessment (chapter 31).

``ENABLERS`` paraphrases the paper's list (which cites DfE 2018); the actions are the book's suggestions.

Example (one line in the notebook)::

    seven_enablers_assessment()
"""

from __future__ import annotations

from ..explore import self_assessment

SOURCE = ("Paraphrased from the paper's list (which cites DfE 2018); the enablers originate in Isos Partnership's "
          "2016 research for the LGA (Bryant, Parish and Rea 2016).")
ENABLERS = [
    {"key": "strategic", "name": "Strategic approach",
     "description": "We assess ourselves rigorously and honestly, welcome feedback from outside, and have a vision "
                    "and plan that fit our service.",
     "action": "Hold an honest self-assessment with frontline staff and an outside critical friend, then agree a "
               "one-page vision and plan.",
     "source": SOURCE},
    {"key": "leadership", "name": "Leadership and governance",
     "description": "Leadership at every level is stable and focused; we do not rush into restructures; our "
                    "governance is professional and effective.",
     "action": "Map who leads what at each level and where the gaps are; before any restructure, write down the "
               "problem it is meant to solve.",
     "source": SOURCE},
    {"key": "workforce", "name": "Engaging and supporting the workforce",
     "description": "We avoid blame, set high expectations and ambitious goals, keep the workforce stable, and grow "
                    "our own staff.",
     "action": "Agree as a team how you will talk about mistakes, and plan one route that develops a practitioner "
               "from within.",
     "source": SOURCE},
    {"key": "partners", "name": "Engaging partners",
     "description": "Senior partners are involved, thresholds are agreed with partners, practice is reviewed through "
                    "multi-agency audit, and we look outward.",
     "action": "Audit a few cases jointly with a partner agency and compare your threshold decisions.",
     "source": SOURCE},
    {"key": "apparatus", "name": "Building the supporting apparatus",
     "description": "Our front door is secure, the flow of cases follows the child's journey, we know our business, "
                    "and we have routines to track progress.",
     "action": "Trace one child's journey through the service, note every delay, and choose one measure to review "
               "each month.",
     "source": SOURCE},
    {"key": "innovation", "name": "Fostering innovation",
     "description": "We have a learning culture, test and pilot new ideas carefully, and evaluate them rigorously.",
     "action": "Choose one small change, agree in advance how you will know whether it worked, and review it on a "
               "set date.",
     "source": SOURCE},
    {"key": "resources", "name": "Judicious use of resources",
     "description": "Strategic and financial planning are aligned; we invest where it is needed and keep investing "
                    "until improvement is embedded; we hold long-term priorities in view.",
     "action": "List what the team stopped doing or funding in the past year, and ask whether the improvement it "
               "supported had been embedded.",
     "source": SOURCE},
]


def seven_enablers_assessment():
    """A self-assessment: ratings now and importance, a radar chart, gaps and an action plan."""
    return self_assessment("31-seven-enablers", ENABLERS, title="Seven enablers of improvement: team self-assessment",
                    now_label="How well we do this now", importance_label="How important this is for us now")
