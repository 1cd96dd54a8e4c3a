"""Titles of health, life- and social-science works, in five languages, from templates."""

from __future__ import annotations

import random

from .openvocab import open_title

TOPICS = ("peer support", "shared decision-making", "recovery-oriented practice", "case management",
          "organisational change", "self-management", "workforce development", "hospital avoidance",
          "medication adherence", "stigma reduction", "community tenure", "staff well-being",
          "gene expression", "protein folding", "antibiotic resistance", "cardiovascular risk",
          "social prescribing", "job satisfaction", "role conflict", "health literacy")
POPULATIONS = ("adults with severe mental illness", "older people", "young people", "veterans", "carers",
               "mental health nurses", "peer workers", "primary care patients", "refugees",
               "people with diabetes", "inpatients", "service users", "mice", "zebrafish larvae")
DESIGNS = ("a randomised controlled trial", "a qualitative study", "a systematic review and meta-analysis",
           "a cohort study", "a mixed-methods evaluation", "a cross-sectional survey", "a realist review",
           "a survival analysis", "a cluster randomised trial", "a Delphi consensus study")
INTERVENTIONS = ("peer support", "a peer worker programme", "cognitive behavioural therapy",
                 "supported employment", "telehealth follow-up", "crisis resolution teams", "exercise")
OUTCOMES = ("readmission", "quality of life", "hope and empowerment", "service use", "mortality",
            "symptom severity", "costs", "engagement")
QUOTES = ("Walking the tightrope", "Your experiences were your tools", "It's not just a job",
          "Nothing about us without us", "A foot in both camps")

ENGLISH = (
    "{Topic} for {population}: {design}",
    "{Topic} among {population}",
    "Can {intervention} reduce {outcome} among {population}? {Design}",
    "'{quote}': the experiences of {population}",
    "“{quote}”: {topic} and {population}",
    "The effect of {intervention} on {outcome}: {design}",
    "{Topic} in practice. What works, for whom and why?",
    "Towards {topic}: lessons from {population}",
    "Effectiveness of {intervention} for {population} ({design})",
    "{Topic}, {outcome} and {population}: a conceptual framework",
)
FOREIGN = {
    "fr": ("Le soutien par les pairs en santé mentale : une étude qualitative",
           "L'évaluation des pratiques orientées vers le rétablissement chez les usagers",
           "Manuel de psychologie et de psychopathologie clinique générale",
           "Les pairs aidants en psychiatrie : quels enjeux pour les équipes ?"),
    "de": ("Peer-Support in der psychiatrischen Versorgung: eine qualitative Studie",
           "Genesungsbegleitung im Krankenhaus. Erfahrungen von Mitarbeitenden",
           "Wirksamkeit von Psychoedukation bei Schizophrenie: ein systematischer Review"),
    "es": ("El apoyo entre pares en salud mental: un estudio cualitativo",
           "Efectividad de la gestión de casos en pacientes con trastorno mental grave",
           "¿Mejora la recuperación con el apoyo de pares? Una revisión sistemática"),
    "pt": ("Suporte de pares em saúde mental: um estudo qualitativo",
           "A reforma psiquiátrica brasileira e os serviços comunitários",
           "Avaliação de um programa de apoio entre pares: resultados de um ensaio clínico"),
}
BOOKS = ("Qualitative Research Methods for Health", "Recovery in Mental Health: Reshaping Scientific and "
         "Clinical Responsibilities", "The Handbook of Peer Support", "Social Learning Theory",
         "Mental Health Policy and Practice", "Basics of Qualitative Research: Techniques and Procedures",
         "Organisational Behaviour in Health Care", "Molecular Biology of the Cell", "Evidence-Based Psychiatry")


def article_title(rng: random.Random) -> str:
    """A title: half from the open vocabulary of any discipline, else health and life-science
    English from a template, sometimes French, German, Spanish or Portuguese."""
    if rng.random() < 0.5:
        return open_title(rng)
    if rng.random() < 0.12:
        return rng.choice(FOREIGN[rng.choice(sorted(FOREIGN))])
    title = rng.choice(ENGLISH).format(**fillers(rng))
    return title_case(title) if rng.random() < 0.25 else title


def book_title(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(BOOKS)
    return title_case(article_title(rng))


def fillers(rng: random.Random) -> dict[str, str]:
    words = {"topic": rng.choice(TOPICS), "population": rng.choice(POPULATIONS), "design": rng.choice(DESIGNS),
             "intervention": rng.choice(INTERVENTIONS), "outcome": rng.choice(OUTCOMES), "quote": rng.choice(QUOTES)}
    return words | {key.capitalize(): value[0].upper() + value[1:] for key, value in words.items()}


SMALL = {"a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "among", "by", "from"}


def title_case(title: str) -> str:
    words = title.split(" ")
    return " ".join(w if (i and w in SMALL) or not w[:1].isalpha() else w[0].upper() + w[1:]
                    for i, w in enumerate(words))
