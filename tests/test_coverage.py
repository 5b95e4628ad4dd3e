"""The coverage rule: names the source document never mentions (real spaCy parses)."""

from __future__ import annotations

import pytest

from factcheck.checker import Checker
from factcheck.ingest.nlp import parse
from factcheck.judge.rules.coverage import check_coverage, source_names, undescribed, unmentioned_entities
from factcheck.results import Verdict

SOURCE = [
    "The deep-rooted US-Colombia alliance began in the early 2000s with “Plan Colombia.”",
    "Tensions rose when Trump accused Petro of encouraging drug production in Colombia.",
    "Left-wing President Gustavo Petro and former US President Donald Trump hail from opposing ideologies.",
    "The plan weakened the FARC guerrilla group, and cocaine production remains high.",
    "A spokesman for the Massachusetts national guard said the coast guard was not involved.",
    "It said covid-19 and the h5n1 strain filled the wards, the world health organization reported.",
]
NAMES = source_names(SOURCE)


@pytest.mark.parametrize("statement, missing", [
    ("Brazil offered to mediate between Colombia and the US.", ["Brazil"]),
    ("Plan Colombia was signed by Bill Clinton.", ["Bill Clinton"]),
    ("Gustavo Petro met Joe Biden.", ["Joe Biden"]),
    ("The United States funded Plan Colombia.", []),  # US = United States (aliases)
    ("American officials praised the Colombian army.", []),  # demonyms
    ("The Trump administration criticised Petro.", []),  # head word of the name, not "administration"
    ("The Farc demobilized.", []),  # FARC = Farc
    ("Cocaine production fell sharply.", []),  # capitalised by position only
    ("Mexico sent troops to the US-Colombia border.", ["Mexico"]),
    # capitals and official names stand for their country (countryinfo): must not flag …
    ("Relations between Washington and Bogotá are fragile.", []),
    ("Relations between Washington and Bogota are fragile.", []),  # the unaccented spelling
    ("The Republic of Colombia received aid.", []),
    # … and must still flag another country's capital or demonym, or a capital that is also a common name
    ("Lima accused Petro of encouraging drug production.", ["Lima"]),
    ("Peruvian officials praised Petro.", ["Peruvian"]),
    ("Caracas and Bogotá signed a treaty.", ["Caracas"]),
    ("Kingston officials praised Petro.", ["Kingston"]),
    # a capital as a place is the city, which the source never mentions
    ("A candidate was assassinated in Bogotá.", ["Bogotá"]),
    ("Petro flew to Lima from Bogotá.", ["Lima", "Bogotá"]),
    # a two-word name the source writes in lower case is mentioned …
    ("A National Guard spokesman praised Petro.", []),
    ("The Massachusetts National Guard runs the base.", []),
    ("The Coast Guard was not involved.", []),
    # … but another name with the same last word is not
    ("The Swiss Guard praised Petro.", ["The Swiss Guard"]),
    ("The Defense Department praised Petro.", ["The Defense Department"]),
    ("Trump met the Coast Guards Union.", ["the Coast Guards Union"]),
    # a name with a figure in it, which the source writes in lower case, is mentioned …
    ("Wards in Colombia were filled by COVID-19.", []),
    ("Wards in Colombia were filled by H5N1.", []),
    ("Covid-19 filled the wards in Colombia.", []),
    # … and a name none of whose word runs the source writes is not
    ("The World Bank praised Petro.", ["The World Bank"]),
    ("Doctors from Medicos Unidos praised Petro.", ["Medicos Unidos"]),
    # a name "X of Y" is X's: the source naming Y does not mention it …
    ("The Stroke Foundation of Colombia funded the plan.", ["The Stroke Foundation of Colombia"]),
    ("The National Bank of Colombia funded the plan.", ["The National Bank of Colombia"]),
    # … and one the source names is mentioned
    ("The FARC of Colombia demobilized.", []),
    ("Plan Colombia of the early 2000s was funded by the US.", []),
])
def test_unmentioned_entities(statement, missing):
    assert [e.text for e in unmentioned_entities(parse(statement), NAMES)] == missing


def test_finding_names_the_gap_and_never_contradicts():
    [finding] = check_coverage(parse("Brazil offered to mediate."), NAMES, "seed.txt")
    assert finding.rule == "coverage" and finding.relation == "neutral"
    assert "“Brazil”" in finding.explanation and "seed.txt never mentions" in finding.explanation
    assert finding.statement_span.text == "Brazil"
    assert check_coverage(parse("Petro accused Trump."), NAMES, "seed.txt") == []


class AlwaysEntails:
    labels = ("entailment", "neutral", "contradiction")
    name = "always-entails"

    def predict(self, pairs, batch_size=32):
        import numpy as np

        return np.tile(np.array([[0.97, 0.02, 0.01]], dtype=np.float32), (len(pairs), 1))


def test_checker_will_not_support_a_name_its_document_never_mentions(fake_embedder):
    checker = Checker.from_texts({"a": " ".join(SOURCE)}, embedder=fake_embedder, nli=AlwaysEntails())
    ok = checker.check("Trump accused Petro of encouraging drug production in Colombia.")
    assert ok.verdict is Verdict.SUPPORTED
    gap = checker.check("Trump accused Brazil of encouraging drug production in Colombia.")
    assert gap.verdict is Verdict.NOT_ENOUGH_INFO
    assert "“Brazil”" in gap.explanation and "never mentions" in gap.explanation
    # a second document that does mention the name can support it
    both = Checker.from_texts({"a": " ".join(SOURCE), "b": "Trump accused Brazil of encouraging drug production in Colombia."},
                              embedder=fake_embedder, nli=AlwaysEntails())
    assert both.check("Trump accused Brazil of encouraging drug production in Colombia.").verdict is Verdict.SUPPORTED


# Acronyms: a name of several capitalised words is the acronym of their initials, either way round.
ACRONYM_SOURCE = [
    "The decision to dismantle USAID hit the programme hard.",
    "Officials of the World Health Organization met in Geneva.",
    "The FBI and the Department of Defense declined to comment.",
    "Analysts at Associated Press Media Group said so.",
]
ACRONYM_NAMES = source_names(ACRONYM_SOURCE)


@pytest.mark.parametrize("statement, missing", [
    # the spelled-out name of an acronym the source writes, and the acronym of a name it spells out, are mentioned
    ("The US Agency for International Development funded it.", []),
    ("The U.S. Agency for International Development funded it.", []),
    ("The United States Agency for International Development funded it.", []),
    ("WHO officials met the minister.", []),
    ("The Federal Bureau of Investigation opened a case.", []),
    ("The DoD declined to comment.", []),
    # another name, or an acronym of other initials, is not
    ("The World Bank funded it.", ["The World Bank"]),
    ("The CIA opened a case.", ["CIA"]),
    ("The US Agency for Global Media funded it.", ["The US Agency"]),  # "Media": the source has the word
    ("Amnesty International opened a case.", ["Amnesty International"]),
    ("The World Food Programme met the minister.", ["The World Food Programme"]),
    # two-letter acronyms are left to the alias table: "AP" is not matched to Associated Press's initials
    ("The Federal Bureau of Prisons opened a case.", ["The Federal Bureau of Prisons"]),
])
def test_acronyms_count_as_mentions(statement, missing):
    assert [e.text for e in unmentioned_entities(parse(statement), ACRONYM_NAMES)] == missing


def test_acronyms_of_runs_of_capitalised_words():
    from factcheck.judge.rules.coverage import acronyms

    text = "The Trump administration shut the US Agency for International Development, said the WHO."
    assert [(text[a:b], forms) for a, b, forms in acronyms(text)] == [
        ("US Agency for International Development", {"usaid", "usafid"})]
    assert acronyms("Joe Biden met Kamala Harris.") == []  # two letters: too short to be an acronym


@pytest.mark.parametrize("statement, missing", [
    # what someone is, in a word the source never uses: it cannot say
    ("Petro is a former fisherman.", ["fisherman"]),
    ("Trump, a retired dentist, accused Petro.", ["dentist"]),
    ("The assassinated candidate was a member of the opposition.", ["opposition"]),
    ("The man who died was a journalist.", ["journalist"]),
    # the group someone belongs to, the subject parsed or not
    ("The assassinated candidate belonged to an opposition party.", ["party", "opposition"]),
    ("The candidate whose murder threatens Petro's plan belonged to the opposition.", ["opposition"]),
    # a word the source uses, a description it gives, or no description of a person
    ("Petro is the president of Colombia.", []),
    ("Petro is a member of the guerrilla group.", []),  # "group": the source writes it
    ("Petro was once a guerrilla.", []),
    ("Petro is a spokesman for the national guard.", []),
    ("Petro is not a dentist.", []),  # denied, not described
    ("The plan was a failure.", []),  # not a person
    ("Petro became a leader.", []),  # a word that says little by itself, with nothing to check
    ("Trump met a dentist.", []),  # an object, not a description of someone named
    ("Petro belonged to the guerrilla group.", []),  # the source writes "group"
    ("Petro never belonged to a party.", []),  # denied
    ("The credit belongs to the national guard.", []),  # the source writes "guard"
    ("The three men belonged to a 200-strong contingent.", []),  # a group of no kind: maybe the source's in other words
])
def test_descriptions_of_people_the_source_never_gives(statement, missing):
    from factcheck.judge.rules.coverage import undescribed

    assert [t.text for t in undescribed(parse(statement), NAMES)] == missing


@pytest.mark.parametrize("statement, missing", [
    # a kind of people made the subject of an act, in a word the source never uses: it cannot say what they did
    ("Colombian business leaders opposed Petro's approach.", ["business"]),
    ("Coffee farmers protested against the plan.", ["Coffee"]),
    ("Hospital dentists were accused of encouraging drug production.", ["Hospital"]),
    # must not: a word the source uses, the people's own word (maybe the source's in other words), nothing to
    # check, a denial, an object, an office
    ("Guerrilla leaders opposed the plan.", []),
    ("Farmers protested against the plan.", []),
    ("Leaders opposed Petro's approach.", []),
    ("Coffee farmers did not protest against the plan.", []),
    ("The plan angered coffee farmers.", []),
    ("The chief executive resigned.", []),
    ("Guerrillas attacked the coast guard.", []),
])
def test_kinds_of_people_the_source_never_names_as_doers(statement, missing):
    from factcheck.judge.rules.coverage import undescribed

    assert [t.text for t in undescribed(parse(statement), NAMES)] == missing


def test_a_description_the_document_never_gives_blocks_support_not_contradiction(fake_embedder):
    checker = Checker.from_texts({"a": " ".join(SOURCE)}, embedder=fake_embedder, nli=AlwaysEntails())
    gap = checker.check("Trump accused Petro, a former fisherman, of encouraging drug production in Colombia.")
    assert gap.verdict is Verdict.NOT_ENOUGH_INFO
    assert "“fisherman”" in gap.explanation and "never uses" in gap.explanation
    [finding] = [f for f in check_coverage(parse("Petro is a former fisherman."), NAMES, "seed.txt")]
    assert finding.blocks == "support" and finding.relation == "neutral"
    assert finding.statement_span.text == "fisherman"


@pytest.mark.parametrize("statement, missing", [
    # one who does what the document names is described in its words ("grader" of its "fourth-grade")
    ("The boy is a fourth grader.", []),
    ("The suspended boy is a keen trader.", []),
    # must not: a word the document does not give in any form
    ("The boy is a keen dancer.", ["dancer"]),
    ("The boy is a fourth-year boarder.", ["boarder"]),
    ("The boy is a talented singer.", ["singer"]),
    ("The boy is a former reader.", ["reader"]),  # "read" is in the document: "+er" may be another word's use
])
def test_a_doer_of_what_the_document_names_is_described(statement, missing):
    from factcheck.judge.rules.coverage import undescribed

    names = source_names(["A Kermit parent said his fourth-grade student was suspended for a week.",
                          "The boy likes to read comics and trade cards at school."])
    assert [t.text for t in undescribed(parse(statement), names)] == missing


@pytest.mark.parametrize("document, missing", [
    # the disease and its virus, as news copy uses them: one name (the alias table)
    ("We found SARS-CoV-2 RNA in 5 of 12 samples.", []),
    ("The 2019-nCoV outbreak spread from Wuhan.", []),
    ("The novel coronavirus spread from Wuhan.", []),
    ("Patients with COVID\u201019 pneumonia were admitted.", []),
    # must not: another disease, or a word that only looks like it
    ("Influenza spread in the ward.", ["COVID-19"]),
    ("The 2019 outbreak of measles spread from the capital.", ["COVID-19"]),
    ("The new vaccine spread hope across Wuhan.", ["COVID-19"]),
])
def test_a_disease_and_its_virus_are_one_name(document, missing):
    statement = parse("COVID-19 is dangerous for pregnant women.")
    assert [e.text for e in unmentioned_entities(statement, source_names([document]))] == missing


@pytest.mark.parametrize("document, missing", [
    # a describing word with a hyphen is the document's words in a row, and a name's alias is the name
    ("In this report, COVID-19 cases in the United States were analysed.", []),
    ("We describe outcomes of patients with SARS-CoV-2 infection in a US health system.", []),
    # must not: a document of another disease, or one with the words apart
    ("We describe outcomes of patients with influenza in a US health system.", ["COVID-19"]),
    ("We describe the outcomes of 19 patients in a ward, not all of them with a cough.", ["COVID-19"]),
])
def test_a_hyphenated_or_aliased_description(document, missing):
    statement = parse("All hospitalized COVID-19 patients had a fever.")
    assert [t.text for t in undescribed(statement, source_names([document]))] == missing


HOLIDAY_SOURCE = source_names(["“I missed Christmas because of this operation,” Jasica said.",
                               "The parade on Independence Day was cancelled in Katowice."])


@pytest.mark.parametrize("statement, blocks", [
    # a holiday the document never names is a day it cannot confirm, and may contradict: support only
    ("Jasica said she had missed Easter because of the operation.", {"Easter": "support"}),
    ("Jasica missed Thanksgiving because of the operation.", {"Thanksgiving": "support"}),
    ("The parade on New Year's Day was cancelled in Katowice.", {"New Year's Day": "support"}),
    # must not: a holiday the document names, and names that are not holidays however they begin
    ("Jasica missed Christmas because of the operation.", {}),
    ("The parade on Independence Day was cancelled.", {}),
    ("Jasica flew to Easter Island after the operation.", {"Easter Island": "verdict"}),
    ("Jasica missed the operation in Warsaw.", {"Warsaw": "verdict"}),
    ("Jasica was treated by Dr. Larysz.", {"Larysz": "verdict"}),
])
def test_a_holiday_the_document_never_names_blocks_support_only(statement, blocks):
    findings = check_coverage(parse(statement), HOLIDAY_SOURCE, "doc.txt")
    got = {f.statement_span.text.removeprefix("Dr. "): f.blocks for f in findings}
    assert got == blocks
