"""A document in a language ddcontract does not read is refused, not checked with rules that cannot match it.

Norwegian pages were read as Danish (they share most function words) and German ones too, so every requirement
came out "missing" under a Danish heading: a report that looks sure and says nothing. Now the check stops with one
line naming the file and the language (exit 2), ``--lang`` checks it anyway, and a batch scan records the refusal
and goes on. A Danish or English contract quoting a clause in another language, or printed in English and French
side by side, is still checked. The texts are written for this test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ddcontract.language import other_language

NORWEGIAN = """# Vilkår for bruk av tjenesten

1. Avtalen gjelder mellom Fjordlys AS og kunden. Ved å opprette en konto godtar du disse vilkårene.

2. Du må ikke bruke tjenesten til ulovlige formål, og du skal ikke forsøke å få tilgang til andre brukeres data.

3. Selskapet kan si opp avtalen uten varsel dersom brukeren bryter vilkårene. Etter oppsigelse blir dataene slettet.

4. Vårt samlede ansvar er begrenset til det beløpet du har betalt de siste tolv månedene, og vi er ikke ansvarlige
for indirekte tap. Personopplysninger behandles etter personvernerklæringen vår, som du finner på nettsiden.
"""

SWEDISH = """# Allmänna villkor

1. Detta avtal gäller mellan Älvsnö AB och kunden. Kunden ska använda tjänsten enligt dessa villkor.

2. Leverantören ska inte ansvara för indirekt skada, och leverantörens ansvar är begränsat till avgiften för
de senaste tolv månaderna.

3. Kunden får inte använda tjänsten för olagliga ändamål. Personuppgifter behandlas av leverantören för kundens
räkning, och uppgifterna raderas när avtalet upphör. Om någon part bryter mot avtalet får den andra parten säga upp
det utan uppsägningstid.
"""

GERMAN = """# Allgemeine Geschäftsbedingungen

1. Dieser Vertrag wird zwischen der Talwerk GmbH und dem Kunden geschlossen. Die Haftung der Talwerk GmbH ist auf
die Vergütung der letzten zwölf Monate begrenzt.

2. Der Kunde darf die Dienste nicht für rechtswidrige Zwecke nutzen. Sicherheitsvorfälle werden dem Kunden
unverzüglich gemeldet, und die Daten des Kunden werden nach dem Ende des Vertrags gelöscht.

3. Jede Partei kann den Vertrag aus wichtigem Grund kündigen, wenn die andere Partei ihre Pflichten zum Schutz der
Daten verletzt und sich das nicht innerhalb von dreißig Tagen ändert.
"""

FRENCH = """# Conditions générales

1. Le présent contrat est conclu entre Brisemer SAS et le client. La responsabilité du prestataire est limitée au
montant payé par le client au cours des douze derniers mois.

2. Le client ne doit pas utiliser les services pour des activités illicites. Le prestataire informe le client de
toute violation de données dans les meilleurs délais, et les données sont supprimées à la fin du contrat.

3. Chaque partie peut résilier le contrat si l'autre partie manque à ses obligations de sécurité et que ce
manquement n'est pas corrigé dans un délai de trente jours.
"""

DANISH_WITH_A_NORWEGIAN_QUOTE = """# Leveringsbetingelser

1. Leverandøren skal underrette Kunden om ethvert sikkerhedsbrud uden unødig forsinkelse og senest 24 timer efter,
at Leverandøren er blevet bekendt med bruddet.

2. Leverandørens samlede ansvar kan ikke overstige det vederlag, Kunden har betalt i de seneste 12 måneder.

3. Aftalen er oversat fra koncernens norske forlæg, hvor punkt 2 lyder: "Vårt ansvar er begrenset til det beløpet
du har betalt." Ved uoverensstemmelse gælder den danske tekst.
"""

ENGLISH_AND_FRENCH = """# Service Agreement / Contrat de service

1. The Supplier shall notify the Customer of any security incident within 48 hours of becoming aware of it.
Le prestataire informe le client de tout incident de sécurité dans les 48 heures suivant sa découverte.

2. The Supplier's total liability under this agreement shall not exceed the fees paid in the previous 12 months.
La responsabilité totale du prestataire au titre du présent contrat ne peut excéder les sommes payées au cours
des douze derniers mois.

3. Either party may terminate this agreement if the other party breaches its security obligations.
Chaque partie peut résilier le présent contrat si l'autre partie manque à ses obligations de sécurité.
"""


@pytest.mark.parametrize("text, name", [(NORWEGIAN, "Norwegian"), (SWEDISH, "Swedish"), (GERMAN, "German"),
                                        (FRENCH, "French")])
def test_a_text_in_another_language_is_named(text, name):
    assert other_language([text]) == name


@pytest.mark.parametrize("text", [DANISH_WITH_A_NORWEGIAN_QUOTE, ENGLISH_AND_FRENCH,
                                  "Vårt ansvar er begrenset.",  # too little to tell
                                  "The parties are Müller Großhandel GmbH, Königstraße 5, and Dansk Udstyr A/S."])
def test_a_contract_we_read_is_not_refused_for_a_few_foreign_words(text):
    assert other_language([text]) is None


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ddcontract", *args], capture_output=True, text=True, timeout=300)


def test_check_refuses_a_norwegian_contract_in_one_line_and_checks_it_with_lang(tmp_path: Path):
    path = tmp_path / "vilkaar.md"
    path.write_text(NORWEGIAN, encoding="utf-8")
    run = _cli("check", str(path))
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.strip().splitlines() == [
        f"ddcontract: error: {path}: the text is written in Norwegian; ddcontract reads English and Danish "
        "(pass --lang en or --lang da to check it anyway)"]
    forced = _cli("check", str(path), "--lang", "da", "--format", "json")
    assert forced.returncode == 0, forced.stderr
    assert json.loads(forced.stdout)["document"]["language"] == "da"


def test_check_still_reads_a_danish_contract_that_quotes_norwegian(tmp_path: Path):
    path = tmp_path / "betingelser.md"
    path.write_text(DANISH_WITH_A_NORWEGIAN_QUOTE, encoding="utf-8")
    run = _cli("check", str(path), "--format", "json")
    assert run.returncode == 0, run.stderr
    status = {f["id"]: f["status"] for f in json.loads(run.stdout)["requirements"]}
    assert status["DD-8.1"] == "met" and status["DD-4.6"] == "met"


def test_scan_records_the_refusal_and_checks_the_other_files(tmp_path: Path):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "tysk.md").write_text(GERMAN, encoding="utf-8")
    (archive / "dansk.md").write_text(DANISH_WITH_A_NORWEGIAN_QUOTE, encoding="utf-8")
    out = tmp_path / "scan"
    run = _cli("scan", str(archive), "--out", str(out), "--workers", "1")
    assert run.returncode == 1, run.stderr
    lines = {Path(o["document"]["path"]).name: o for o in
             (json.loads(ln) for ln in (out / "results.jsonl").read_text(encoding="utf-8").splitlines())}
    assert lines["tysk.md"]["error"]["code"] == "InputError"
    assert "written in German" in lines["tysk.md"]["error"]["message"]
    assert {f["id"]: f["status"] for f in lines["dansk.md"]["requirements"]}["DD-8.1"] == "met"
