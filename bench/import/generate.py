#!/usr/bin/env python3
"""A realistic lead file for bench/import: German B2B contacts as a client's Excel export sends them.

    bench/import/generate.py ROWS OUT.csv [--seed N]

UTF-8 with BOM, semicolons, CRLF; numbers typed in the usual national and international spellings; about 2% of the
rows repeat an earlier person (same number in another spelling, or the same e-mail), 1% carry an invalid number,
some fields are quoted with embedded semicolons or line breaks. Deterministic for a given seed.
"""
import random
import sys

FIRST = ["Anna", "Jürgen", "Petra", "Thomas", "Sabine", "Michael", "Claudia", "Stefan", "Monika", "Andreas", "Ute",
         "Frank", "Birgit", "Markus", "Karin", "Jörg", "Sören", "Özlem", "Björn", "Renée", "Lukas", "Leonie"]
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Weiß", "Groß", "Yılmaz", "von der Heide"]
FORMS = ["GmbH", "AG", "GmbH & Co. KG", "KG", "e.K.", "SE", "OHG", "UG (haftungsbeschränkt)"]
WORDS = ["Kessler", "Brandt", "Lenz", "Nordlicht", "Alpen", "Rhein", "Hansa", "Sonnen", "Technik", "Logistik",
         "Maschinenbau", "Elektro", "Bau", "Medizintechnik", "Software", "Holz", "Metall", "Druck", "Spedition"]
FUNCTIONS = ["Geschäftsführer", "Einkaufsleiter", "Leitung IT", "Vertriebsleiterin", "Head of Procurement",
             "Prokurist", "Leitung Personal", "CFO", "Werksleiter", ""]
CITIES = [("10115", "Berlin", "30"), ("80331", "München", "89"), ("20095", "Hamburg", "40"), ("50667", "Köln", "221"),
          ("60311", "Frankfurt am Main", "69"), ("70173", "Stuttgart", "711"), ("40212", "Düsseldorf", "211"),
          ("04109", "Leipzig", "341"), ("01067", "Dresden", "351"), ("90402", "Nürnberg", "911")]
INDUSTRIES = ["Maschinenbau", "IT-Dienstleistungen", "Logistik", "Handel", "Bau", "Gesundheitswesen", "Energie"]


def spell(area, local, rng):
    style = rng.randrange(6)
    if style == 0:
        return f"0{area} {local}"
    if style == 1:
        return f"0{area}/{local}"
    if style == 2:
        return f"+49 {area} {local}"
    if style == 3:
        return f"+49 (0){area} {local[:3]} {local[3:]}"
    if style == 4:
        return f"0049 {area} / {local[:-2]}-{local[-2:]}"
    return f"(0{area}) {local}"


def quote(field):
    if any(c in field for c in ';"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def main():
    rows = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--seed" else 7
    rng = random.Random(seed)
    header = ["Firma", "Branche", "Anrede", "Titel", "Vorname", "Nachname", "Position", "Straße", "PLZ", "Ort",
              "Telefon", "Mobil", "E-Mail", "Bemerkung"]
    earlier = []
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        f.write(";".join(header) + "\r\n")
        for i in range(rows):
            roll = rng.random()
            if roll < 0.02 and earlier:
                company, first, last, area, local, email = rng.choice(earlier)
                phone = spell(area, local, rng)
                fields = [company, "", "", "", first, last, "", "", "", "", phone, "", email.upper(), ""]
            else:
                postal, city, area = rng.choice(CITIES)
                company = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i} {rng.choice(FORMS)}"
                first, last = rng.choice(FIRST), rng.choice(LAST)
                local = str(1000000 + i % 8999999)
                phone = spell(area, local, rng) if roll > 0.03 else "0" + area + " 12"  # ~1% invalid
                # Valid German mobile ranges: 0151/0152 take eight digits after the prefix, 0171/0175 seven.
                prefix, digits = rng.choice([("0151", 8), ("0152", 8), ("0171", 7), ("0175", 7)])
                mobile = (f"{prefix} {rng.randrange(10 ** (digits - 1), 10 ** digits)}" if rng.random() < 0.3
                          else "")
                email = f"{first[0].lower()}.{last.lower().replace(' ', '')}{i}@firma{i}.example"
                notes = "Rückruf erbeten;\r\nab 14 Uhr" if rng.random() < 0.02 else ""
                fields = [company, rng.choice(INDUSTRIES), rng.choice(["Herr", "Frau", ""]),
                          "Dr." if rng.random() < 0.05 else "", first, last, rng.choice(FUNCTIONS),
                          f"Hauptstraße {rng.randrange(1, 200)}", postal, city, phone, mobile, email, notes]
                if len(earlier) < 100000:
                    earlier.append((company, first, last, area, local, email))
            f.write(";".join(quote(x) for x in fields) + "\r\n")


if __name__ == "__main__":
    main()
