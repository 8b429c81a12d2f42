import type { Random } from "@/lib/random";

/** An EU country the demo brand sells in: its share of EU customers, common names, and a mobile number format. */
export type EuCountry = { code: string; weight: number; given: readonly string[]; family: readonly string[]; phone: (r: Random) => string };

const digits = (r: Random, n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += r.int(0, 9);
  return s;
};

export const euCountries: readonly EuCountry[] = [
  {
    code: "IE",
    weight: 0.2,
    given: ["Aoife", "Liam", "Saoirse", "Conor", "Niamh", "Seán", "Ciara", "Oisín", "Cian", "Róisín"],
    family: ["Murphy", "Kelly", "O'Brien", "Byrne", "Walsh", "Ryan", "Doyle", "O'Sullivan", "McCarthy", "Kennedy"],
    phone: (r) => `+353 8${r.int(3, 7)} ${digits(r, 3)} ${digits(r, 4)}`,
  },
  {
    code: "DE",
    weight: 0.2,
    given: ["Lukas", "Sophie", "Jonas", "Lena", "Felix", "Hannah", "Leon", "Marie", "Paul", "Emilia"],
    family: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schulz"],
    phone: (r) => `+49 15${r.int(1, 9)} ${digits(r, 8)}`,
  },
  {
    code: "FR",
    weight: 0.17,
    given: ["Léa", "Hugo", "Chloé", "Louis", "Camille", "Jules", "Manon", "Gabriel", "Inès", "Arthur"],
    family: ["Dubois", "Martin", "Bernard", "Moreau", "Lefèvre", "Laurent", "Girard", "Roux", "Fournier", "Mercier"],
    phone: (r) => `+33 6 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
  },
  {
    code: "ES",
    weight: 0.12,
    given: ["Lucía", "Mateo", "Sofía", "Pablo", "Martina", "Hugo", "Daniela", "Álvaro", "Carmen", "Javier"],
    family: ["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno"],
    phone: (r) => `+34 6${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
  },
  {
    code: "IT",
    weight: 0.11,
    given: ["Giulia", "Lorenzo", "Chiara", "Marco", "Francesca", "Matteo", "Sara", "Alessandro", "Giorgia", "Luca"],
    family: ["Rossi", "Russo", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"],
    phone: (r) => `+39 3${digits(r, 2)} ${digits(r, 3)} ${digits(r, 4)}`,
  },
  {
    code: "NL",
    weight: 0.08,
    given: ["Daan", "Sanne", "Eva", "Bram", "Lotte", "Sem", "Femke", "Lars", "Noor", "Thijs"],
    family: ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer"],
    phone: (r) => `+31 6 ${digits(r, 8)}`,
  },
  {
    code: "PL",
    weight: 0.07,
    given: ["Zofia", "Jakub", "Anna", "Kacper", "Julia", "Szymon", "Maja", "Antoni", "Zuzanna", "Filip"],
    family: ["Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król", "Wieczorek", "Pawlak"],
    phone: (r) => `+48 5${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
  },
  {
    code: "SE",
    weight: 0.05,
    given: ["Freja", "Elias", "Alice", "William", "Maja", "Oscar", "Ebba", "Lucas", "Astrid", "Hugo"],
    family: ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Lindqvist", "Olsson", "Persson", "Svensson"],
    phone: (r) => `+46 7${r.int(0, 9)} ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`,
  },
];

export const euCountryWeights = euCountries.map((c) => [c, c.weight] as const);

/** The EU country a phone number or name belongs to, by its code. */
export function euCountry(code: string): EuCountry {
  const c = euCountries.find((x) => x.code === code);
  if (!c) throw new Error(`Unknown EU country ${code}`);
  return c;
}
