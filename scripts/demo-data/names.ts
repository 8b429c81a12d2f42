import type { Random } from "@/lib/random";
import { euCountry, euCountryWeights } from "./names-eu";
import type { Jurisdiction } from "./regions";

/** A name as shown, the ASCII parts an email address is made from, and (in the EU) the country it comes from. */
export type PersonName = { display: string; given: string; family: string; romanGiven: string; romanFamily: string; country?: string };

type Pair = readonly [native: string, roman: string];

const usGiven = [
  "James",
  "Olivia",
  "Michael",
  "Emily",
  "Daniel",
  "Sophia",
  "David",
  "Isabella",
  "Christopher",
  "Ava",
  "José",
  "María",
  "Carlos",
  "Ana",
  "Luis",
  "Camila",
  "Kevin",
  "Grace",
  "Jason",
  "Michelle",
  "Ethan",
  "Chloe",
  "Ryan",
  "Madison",
  "Nathan",
  "Priya",
  "Arjun",
  "Wei",
  "Mei",
  "Minh",
  "Linh",
  "Tyler",
  "Hannah",
  "Marcus",
  "Jasmine",
];
const usFamily = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Martinez",
  "Rodriguez",
  "Hernandez",
  "Lopez",
  "Gonzalez",
  "Nguyen",
  "Kim",
  "Lee",
  "Chen",
  "Wang",
  "Patel",
  "Anderson",
  "Taylor",
  "Thomas",
  "Moore",
  "Jackson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Walker",
  "Young",
  "Allen",
  "Wright",
  "Tanaka",
  "Park",
  "Ramirez",
  "Flores",
  "Singh",
];
// Weighted roughly by how common each surname is in Korea.
const krFamily: readonly (readonly [Pair, number])[] = [
  [["김", "kim"], 21],
  [["이", "lee"], 15],
  [["박", "park"], 8],
  [["최", "choi"], 5],
  [["정", "jung"], 5],
  [["강", "kang"], 2.4],
  [["조", "cho"], 2.1],
  [["윤", "yoon"], 2.1],
  [["장", "jang"], 2],
  [["임", "lim"], 1.7],
  [["한", "han"], 1.5],
  [["오", "oh"], 1.5],
  [["서", "seo"], 1.5],
  [["신", "shin"], 1.5],
  [["권", "kwon"], 1.4],
  [["황", "hwang"], 1.4],
  [["안", "ahn"], 1.3],
  [["송", "song"], 1.3],
  [["류", "ryu"], 1.2],
  [["홍", "hong"], 1.1],
];
const krGiven: readonly Pair[] = [
  ["민준", "minjun"],
  ["서준", "seojun"],
  ["도윤", "doyun"],
  ["예준", "yejun"],
  ["시우", "siwoo"],
  ["하준", "hajun"],
  ["지호", "jiho"],
  ["주원", "juwon"],
  ["지훈", "jihoon"],
  ["현우", "hyunwoo"],
  ["준서", "junseo"],
  ["건우", "gunwoo"],
  ["서연", "seoyeon"],
  ["서윤", "seoyun"],
  ["지우", "jiwoo"],
  ["하은", "haeun"],
  ["민서", "minseo"],
  ["지민", "jimin"],
  ["수빈", "subin"],
  ["예은", "yeeun"],
  ["채원", "chaewon"],
  ["다은", "daeun"],
  ["유진", "yujin"],
  ["수아", "sua"],
  ["혜진", "hyejin"],
  ["은지", "eunji"],
  ["영호", "youngho"],
  ["성민", "sungmin"],
  ["정훈", "junghoon"],
  ["미영", "miyoung"],
  ["상우", "sangwoo"],
  ["지영", "jiyoung"],
];
const jpFamily: readonly Pair[] = [
  ["佐藤", "sato"],
  ["鈴木", "suzuki"],
  ["高橋", "takahashi"],
  ["田中", "tanaka"],
  ["伊藤", "ito"],
  ["渡辺", "watanabe"],
  ["山本", "yamamoto"],
  ["中村", "nakamura"],
  ["小林", "kobayashi"],
  ["加藤", "kato"],
  ["吉田", "yoshida"],
  ["山田", "yamada"],
  ["佐々木", "sasaki"],
  ["山口", "yamaguchi"],
  ["松本", "matsumoto"],
  ["井上", "inoue"],
  ["木村", "kimura"],
  ["林", "hayashi"],
  ["清水", "shimizu"],
  ["斎藤", "saito"],
  ["森", "mori"],
  ["池田", "ikeda"],
];
const jpGiven: readonly Pair[] = [
  ["陽翔", "haruto"],
  ["蓮", "ren"],
  ["湊", "minato"],
  ["大翔", "hiroto"],
  ["悠真", "yuma"],
  ["颯太", "sota"],
  ["健太", "kenta"],
  ["翔太", "shota"],
  ["拓也", "takuya"],
  ["大輔", "daisuke"],
  ["直樹", "naoki"],
  ["浩二", "koji"],
  ["結衣", "yui"],
  ["陽菜", "hina"],
  ["葵", "aoi"],
  ["美咲", "misaki"],
  ["さくら", "sakura"],
  ["凛", "rin"],
  ["結菜", "yuna"],
  ["愛", "ai"],
  ["真由美", "mayumi"],
  ["恵子", "keiko"],
  ["由美", "yumi"],
  ["明美", "akemi"],
  ["彩花", "ayaka"],
  ["奈々", "nana"],
];

/** Lower-case ASCII letters only: "O'Brien" → "obrien", "Lefèvre" → "lefevre". */
function ascii(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A plausible name for a subject of the jurisdiction; Korean and Japanese names in their own script unless romanized. */
export function personName(r: Random, jurisdiction: Jurisdiction, romanized: boolean, family?: PersonName): PersonName {
  if (jurisdiction === "KR" || jurisdiction === "JP") {
    const fam = family ? ([family.family, family.romanFamily] as const) : jurisdiction === "KR" ? r.weighted(krFamily) : r.pick(jpFamily);
    const giv = r.pick(jurisdiction === "KR" ? krGiven : jpGiven);
    const display = romanized
      ? `${capitalize(giv[1])} ${capitalize(fam[1])}`
      : jurisdiction === "KR"
        ? `${fam[0]}${giv[0]}`
        : `${fam[0]} ${giv[0]}`;
    return { display, given: giv[0], family: fam[0], romanGiven: giv[1], romanFamily: fam[1] };
  }
  // A guardian shares the child's family name and, in the EU, country.
  const country = jurisdiction === "EU" ? (family?.country ? euCountry(family.country) : r.weighted(euCountryWeights)) : undefined;
  const given = r.pick(country ? country.given : usGiven);
  const fam = family?.family ?? r.pick(country ? country.family : usFamily);
  return { display: `${given} ${fam}`, given, family: fam, romanGiven: ascii(given), romanFamily: ascii(fam), country: country?.code };
}

/**
 * An email address that cannot collide with another subject's: the local part
 * ends in the subject's id, and names never contain digits.
 */
export function emailFor(r: Random, name: PersonName, id: number, domain: string): string {
  const g = name.romanGiven;
  const f = name.romanFamily;
  const local = r.weighted([
    [`${g}.${f}`, 5],
    [`${g}${f}`, 2],
    [`${g.charAt(0)}${f}`, 2],
    [`${f}.${g}`, 1],
    [`${g}_${f}`, 1],
  ] as const);
  return `${local}${id}@${domain}`;
}
