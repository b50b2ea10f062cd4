/**
 * Demo content for a fresh development database: "Wellspring", a fictional charity for clean water
 * and education, in English and in French (fr items translate en items: same translationGroupId).
 * Posts, a page tree, projects with impact metrics and partners, events, categories, tags, people.
 *
 * Deterministic (a seeded PRNG; only dates move with "now") and fast: ids are made here, rows go in
 * with createMany and the many-to-many links with one INSERT ... SELECT unnest(...) per join table,
 * all in one transaction. Runs only when there is no post at all; otherwise it does nothing.
 */
import { config } from '../config/env.js';
import type { Prisma } from '../generated/prisma/client.js';
import { slugOf } from '../schema/content/content-input.js';
import { prisma } from './client.js';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, good enough for test data. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  /** A version-4-shaped UUID from this generator. */
  uuid(): string {
    const bytes = Array.from({ length: 16 }, () => Math.floor(this.next() * 256));
    bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** The implicit many-to-many tables; "A" is the model whose name sorts first. */
export type JoinTable = '_CategoryToPost' | '_PostToTag' | '_CategoryToProject' | '_ProjectToTag' | '_PartnerToProject';

type RawExecutor = Pick<Prisma.TransactionClient, '$executeRawUnsafe'>;

/** Inserts [A, B] pairs into an implicit join table in one statement. */
export async function insertJoinRows(
  db: RawExecutor,
  table: JoinTable,
  pairs: ReadonlyArray<readonly [string, string]>,
): Promise<void> {
  if (pairs.length === 0) return;
  await db.$executeRawUnsafe(
    `INSERT INTO "${table}" ("A", "B") SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
}

// ---------------------------------------------------------------------------------------------
// Reference data

type Locale = 'en' | 'fr';
type Status = 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';
interface L10n {
  en: string;
  fr: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

const CATEGORIES: ReadonlyArray<{ key: string; en: string; fr: string; enDesc: string; frDesc: string }> = [
  {
    key: 'water',
    en: 'Clean water',
    fr: 'Eau potable',
    enDesc: 'Boreholes, springs, pumps and the committees that keep them running.',
    frDesc: 'Forages, sources, pompes et les comités qui les font fonctionner.',
  },
  {
    key: 'sanitation',
    en: 'Sanitation & hygiene',
    fr: 'Assainissement et hygiène',
    enDesc: 'Latrines, handwashing and hygiene education.',
    frDesc: "Latrines, lavage des mains et éducation à l'hygiène.",
  },
  {
    key: 'education',
    en: 'Education',
    fr: 'Éducation',
    enDesc: 'Schools, teachers and learning.',
    frDesc: 'Écoles, enseignants et apprentissages.',
  },
  {
    key: 'health',
    en: 'Health',
    fr: 'Santé',
    enDesc: 'Preventing water-borne disease.',
    frDesc: "Prévenir les maladies liées à l'eau.",
  },
  {
    key: 'climate',
    en: 'Climate resilience',
    fr: 'Résilience climatique',
    enDesc: 'Adapting water supplies to droughts and floods.',
    frDesc: "Adapter l'accès à l'eau aux sécheresses et aux inondations.",
  },
  {
    key: 'community',
    en: 'Community',
    fr: 'Communauté',
    enDesc: 'Local committees, volunteers and supporters.',
    frDesc: 'Comités locaux, bénévoles et soutiens.',
  },
  {
    key: 'stories',
    en: 'Field stories',
    fr: 'Récits du terrain',
    enDesc: 'The people behind the numbers.',
    frDesc: 'Les personnes derrière les chiffres.',
  },
  {
    key: 'news',
    en: 'Organisation news',
    fr: "Vie de l'association",
    enDesc: 'Reports, announcements and people.',
    frDesc: 'Rapports, annonces et équipe.',
  },
];

const TAGS: ReadonlyArray<{ key: string; en: string; fr: string }> = [
  { key: 'boreholes', en: 'Boreholes', fr: 'Forages' },
  { key: 'rainwater', en: 'Rainwater harvesting', fr: "Récupération d'eau de pluie" },
  { key: 'handwashing', en: 'Handwashing', fr: 'Lavage des mains' },
  { key: 'latrines', en: 'School latrines', fr: 'Latrines scolaires' },
  { key: 'girls', en: "Girls' education", fr: 'Éducation des filles' },
  { key: 'teachers', en: 'Teacher training', fr: 'Formation des enseignants' },
  { key: 'menstrual', en: 'Menstrual hygiene', fr: 'Hygiène menstruelle' },
  { key: 'solar', en: 'Solar pumps', fr: 'Pompes solaires' },
  { key: 'committees', en: 'Water committees', fr: "Comités de l'eau" },
  { key: 'drought', en: 'Drought', fr: 'Sécheresse' },
  { key: 'cholera', en: 'Cholera prevention', fr: 'Prévention du choléra' },
  { key: 'literacy', en: 'Literacy', fr: 'Alphabétisation' },
  { key: 'meals', en: 'School meals', fr: 'Cantines scolaires' },
  { key: 'volunteers', en: 'Volunteers', fr: 'Bénévoles' },
  { key: 'fundraising', en: 'Fundraising', fr: 'Collecte de fonds' },
  { key: 'partnerships', en: 'Partnerships', fr: 'Partenariats' },
  { key: 'annual-report', en: 'Annual report', fr: 'Rapport annuel' },
  { key: 'kenya', en: 'Kenya', fr: 'Kenya' },
  { key: 'uganda', en: 'Uganda', fr: 'Ouganda' },
  { key: 'senegal', en: 'Senegal', fr: 'Sénégal' },
  { key: 'madagascar', en: 'Madagascar', fr: 'Madagascar' },
  { key: 'burkina-faso', en: 'Burkina Faso', fr: 'Burkina Faso' },
  { key: 'nepal', en: 'Nepal', fr: 'Népal' },
  { key: 'water-quality', en: 'Water quality', fr: "Qualité de l'eau" },
  { key: 'youth', en: 'Youth', fr: 'Jeunesse' },
];

interface Place {
  name: string;
  country: string;
  en: string;
  /** "au Kenya", "en Ouganda", "à Madagascar". */
  frIn: string;
  tag: string | null;
}

const PLACES: readonly Place[] = [
  { name: 'Lodwar', country: 'KE', en: 'Kenya', frIn: 'au Kenya', tag: 'kenya' },
  { name: 'Marsabit', country: 'KE', en: 'Kenya', frIn: 'au Kenya', tag: 'kenya' },
  { name: 'Makueni', country: 'KE', en: 'Kenya', frIn: 'au Kenya', tag: 'kenya' },
  { name: 'Gulu', country: 'UG', en: 'Uganda', frIn: 'en Ouganda', tag: 'uganda' },
  { name: 'Kabale', country: 'UG', en: 'Uganda', frIn: 'en Ouganda', tag: 'uganda' },
  { name: 'Kaolack', country: 'SN', en: 'Senegal', frIn: 'au Sénégal', tag: 'senegal' },
  { name: 'Thiès', country: 'SN', en: 'Senegal', frIn: 'au Sénégal', tag: 'senegal' },
  { name: 'Toliara', country: 'MG', en: 'Madagascar', frIn: 'à Madagascar', tag: 'madagascar' },
  { name: 'Antsirabe', country: 'MG', en: 'Madagascar', frIn: 'à Madagascar', tag: 'madagascar' },
  { name: 'Kaya', country: 'BF', en: 'Burkina Faso', frIn: 'au Burkina Faso', tag: 'burkina-faso' },
  { name: 'Ziniaré', country: 'BF', en: 'Burkina Faso', frIn: 'au Burkina Faso', tag: 'burkina-faso' },
  { name: 'Sindhupalchok', country: 'NP', en: 'Nepal', frIn: 'au Népal', tag: 'nepal' },
  { name: 'Musoma', country: 'TZ', en: 'Tanzania', frIn: 'en Tanzanie', tag: null },
];

const PEOPLE: ReadonlyArray<{ name: string; role: string; bio: string }> = [
  {
    name: 'Amina Wanjiru',
    role: 'Executive Director',
    bio: 'Amina joined Wellspring in 2015 after ten years managing rural water programmes in East Africa. She holds a master’s degree in water engineering.',
  },
  {
    name: 'Julien Marchand',
    role: 'Head of Programmes',
    bio: 'Julien oversees our projects in nine countries. Before Wellspring he worked for a humanitarian agency in the Sahel.',
  },
  {
    name: 'Grace Achieng',
    role: 'WASH Engineer, East Africa',
    bio: 'Grace designs boreholes, solar pumping systems and school latrines, and trains the local technicians who maintain them.',
  },
  {
    name: 'Fatou Diop',
    role: 'Education Programme Manager, West Africa',
    bio: 'Fatou is a former primary-school teacher from Kaolack who now leads our teacher-training and girls’ education work.',
  },
  {
    name: 'Rija Rakotomalala',
    role: 'Country Coordinator, Madagascar',
    bio: 'Rija coordinates our rainwater harvesting and hygiene programmes in the south of Madagascar.',
  },
  {
    name: 'Sophie Laurent',
    role: 'Fundraising & Communications Lead',
    bio: 'Sophie looks after our supporters, our appeals and this website.',
  },
  {
    name: 'Kwame Mensah',
    role: 'Chair of the Board',
    bio: 'Dr Mensah is a public-health specialist and has chaired the board since 2021.',
  },
  {
    name: 'Hélène Dubois',
    role: 'Treasurer',
    bio: 'Hélène is a chartered accountant and has served as treasurer since 2019.',
  },
  {
    name: 'Priya Shrestha',
    role: 'Board member',
    bio: 'Priya researches community-led sanitation and brings our Nepal partners’ perspective to the board.',
  },
  {
    name: 'Tom Gallagher',
    role: 'Board member',
    bio: 'Tom is a retired civil engineer who volunteered on our first borehole project in 2012.',
  },
];

const PARTNERS: ReadonlyArray<{ slug: string; name: string; contactName: string }> = [
  { slug: 'aquaterra-engineering', name: 'AquaTerra Engineering', contactName: 'Marc Olsen' },
  { slug: 'fondation-horizon-bleu', name: 'Fondation Horizon Bleu', contactName: 'Claire Fontaine' },
  { slug: 'sunflow-pumps', name: 'SunFlow Pumps', contactName: 'David Otieno' },
  { slug: 'learning-without-borders', name: 'Learning Without Borders', contactName: 'Aïssatou Ba' },
  { slug: 'lake-region-health-network', name: 'Lake Region Health Network', contactName: 'Joseph Okello' },
  { slug: 'green-schools-initiative', name: 'Green Schools Initiative', contactName: 'Hanitra Rasoa' },
  { slug: 'solidaris-foundation', name: 'Solidaris Foundation', contactName: 'Pierre Lemaire' },
  { slug: 'east-africa-water-research', name: 'East Africa Water Research Institute', contactName: 'Dr Ruth Kamau' },
];

// ---------------------------------------------------------------------------------------------
// Post text

type Text = (p: Place, n: number) => L10n;

const PLACE_POSTS: ReadonlyArray<{ title: Text; lead: Text; categories: string[]; tags: string[] }> = [
  {
    title: (p) => ({
      en: `New borehole brings clean water to ${p.name}`,
      fr: `Un nouveau forage apporte l'eau potable à ${p.name}`,
    }),
    lead: (p, n) => ({
      en: `Since last month, ${n * 40} people in ${p.name} have had safe water less than ten minutes from home. The new borehole replaces an open well that dried up every dry season.`,
      fr: `Depuis le mois dernier, ${n * 40} habitants de ${p.name} disposent d'eau potable à moins de dix minutes de chez eux. Le nouveau forage remplace un puits ouvert qui s'asséchait à chaque saison sèche.`,
    }),
    categories: ['water'],
    tags: ['boreholes', 'water-quality'],
  },
  {
    title: (p, n) => ({
      en: `${n} schools in ${p.name} now have handwashing stations`,
      fr: `${n} écoles de ${p.name} ont désormais des postes de lavage des mains`,
    }),
    lead: (p, n) => ({
      en: `Pupils at ${n} primary schools around ${p.name} can now wash their hands with soap before meals and after using the toilet.`,
      fr: `Les élèves de ${n} écoles primaires autour de ${p.name} peuvent désormais se laver les mains au savon avant les repas et après être allés aux toilettes.`,
    }),
    categories: ['sanitation', 'education'],
    tags: ['handwashing', 'latrines'],
  },
  {
    title: (p) => ({
      en: `How solar pumps changed daily life in ${p.name}`,
      fr: `Comment les pompes solaires ont changé le quotidien à ${p.name}`,
    }),
    lead: (p) => ({
      en: `Diesel was expensive and often ran out. In ${p.name}, a solar pump now fills the village tank every morning, with no fuel bill at all.`,
      fr: `Le gazole coûtait cher et manquait souvent. À ${p.name}, une pompe solaire remplit désormais chaque matin le réservoir du village, sans aucune facture de carburant.`,
    }),
    categories: ['water', 'stories'],
    tags: ['solar', 'boreholes'],
  },
  {
    title: (p) => ({
      en: `Meet the water committee of ${p.name}`,
      fr: `Rencontre avec le comité de l'eau de ${p.name}`,
    }),
    lead: (p, n) => ({
      en: `Seven volunteers, ${n} years of experience between them, and one shared goal: the pump in ${p.name} must never stop working.`,
      fr: `Sept bénévoles, ${n} ans d'expérience à eux tous et un objectif commun : la pompe de ${p.name} ne doit jamais tomber en panne.`,
    }),
    categories: ['community', 'stories'],
    tags: ['committees'],
  },
  {
    title: (p) => ({
      en: `Keeping girls in school in ${p.name}: the menstrual health programme one year on`,
      fr: `Maintenir les filles à l'école à ${p.name} : le programme de santé menstruelle un an après`,
    }),
    lead: (p, n) => ({
      en: `A year ago, girls in ${p.name} missed up to ${n} days of school every month. Private latrines, reusable pads and open conversations have changed that.`,
      fr: `Il y a un an, les filles de ${p.name} manquaient jusqu'à ${n} jours d'école par mois. Des latrines fermées, des serviettes réutilisables et le dialogue ont changé la donne.`,
    }),
    categories: ['education', 'health'],
    tags: ['girls', 'menstrual'],
  },
  {
    title: (p) => ({
      en: `Teacher training week in ${p.name}`,
      fr: `Semaine de formation des enseignants à ${p.name}`,
    }),
    lead: (p, n) => ({
      en: `${n * 6} primary teachers from around ${p.name} spent a week learning new ways to teach reading in the first years of school.`,
      fr: `${n * 6} enseignants du primaire des environs de ${p.name} ont passé une semaine à découvrir de nouvelles façons d'enseigner la lecture dans les premières années.`,
    }),
    categories: ['education'],
    tags: ['teachers', 'literacy'],
  },
  {
    title: (p, n) => ({
      en: `Rainwater tanks installed at ${n} schools near ${p.name}`,
      fr: `Des citernes d'eau de pluie installées dans ${n} écoles près de ${p.name}`,
    }),
    lead: (p) => ({
      en: `Gutters, filters and 10,000-litre tanks now capture the rain that falls on school roofs around ${p.name}, so that there is water long after the rains have ended.`,
      fr: `Gouttières, filtres et citernes de 10 000 litres recueillent désormais la pluie qui tombe sur les toits des écoles autour de ${p.name}, pour avoir de l'eau bien après la fin des pluies.`,
    }),
    categories: ['water', 'climate'],
    tags: ['rainwater', 'latrines'],
  },
  {
    title: (p) => ({
      en: `Drought update: how we are responding in ${p.name}`,
      fr: `Point sécheresse : notre réponse à ${p.name}`,
    }),
    lead: (p, n) => ({
      en: `The rains around ${p.name} have failed for the ${n > 3 ? 'fourth' : 'third'} season in a row. Here is what we are doing, and what we still need.`,
      fr: `Autour de ${p.name}, les pluies font défaut pour la ${n > 3 ? 'quatrième' : 'troisième'} saison consécutive. Voici ce que nous faisons, et ce dont nous avons encore besoin.`,
    }),
    categories: ['climate', 'water'],
    tags: ['drought'],
  },
  {
    title: (p) => ({
      en: `Cholera prevention: lessons from ${p.name}`,
      fr: `Prévention du choléra : les leçons de ${p.name}`,
    }),
    lead: (p) => ({
      en: `When cases were reported near ${p.name}, the hygiene volunteers we trained last year were ready. Not a single case was recorded in the schools we support.`,
      fr: `Quand des cas ont été signalés près de ${p.name}, les volontaires d'hygiène formés l'an dernier étaient prêts. Aucun cas n'a été enregistré dans les écoles que nous soutenons.`,
    }),
    categories: ['health', 'sanitation'],
    tags: ['cholera', 'handwashing'],
  },
  {
    title: (p, n) => ({
      en: `Reading clubs open in ${n} villages around ${p.name}`,
      fr: `Des clubs de lecture ouvrent dans ${n} villages autour de ${p.name}`,
    }),
    lead: (p) => ({
      en: `After school, children in ${p.name} now meet twice a week to read together, led by young volunteers from their own villages.`,
      fr: `Après l'école, les enfants de ${p.name} se retrouvent désormais deux fois par semaine pour lire ensemble, avec de jeunes bénévoles de leurs villages.`,
    }),
    categories: ['education', 'community'],
    tags: ['literacy', 'youth'],
  },
  {
    title: (p, n) => ({
      en: `School gardens feed ${n * 100} pupils in ${p.name}`,
      fr: `Les jardins scolaires nourrissent ${n * 100} élèves à ${p.name}`,
    }),
    lead: (p) => ({
      en: `Drip irrigation fed by the school borehole lets the gardens in ${p.name} grow vegetables all year round for the school canteen.`,
      fr: `Un goutte-à-goutte alimenté par le forage de l'école permet aux jardins de ${p.name} de produire toute l'année des légumes pour la cantine.`,
    }),
    categories: ['education', 'climate'],
    tags: ['meals'],
  },
  {
    title: (p) => ({
      en: `Testing the water: our new quality lab in ${p.name}`,
      fr: `Analyser l'eau : notre nouveau laboratoire à ${p.name}`,
    }),
    lead: (p, n) => ({
      en: `A small field laboratory in ${p.name} now tests samples from ${n * 10} water points every quarter, so that problems are caught before anyone falls ill.`,
      fr: `Un petit laboratoire de terrain à ${p.name} analyse désormais chaque trimestre des échantillons de ${n * 10} points d'eau, pour détecter les problèmes avant que quiconque ne tombe malade.`,
    }),
    categories: ['water', 'health'],
    tags: ['water-quality'],
  },
  {
    title: (p) => ({
      en: `Volunteer diary: three weeks in ${p.name}`,
      fr: `Carnet de bénévole : trois semaines à ${p.name}`,
    }),
    lead: (p) => ({
      en: `I arrived in ${p.name} expecting to teach. I ended up learning far more than I taught.`,
      fr: `Je suis arrivée à ${p.name} pour enseigner. J'en suis repartie en ayant bien plus appris qu'enseigné.`,
    }),
    categories: ['stories', 'community'],
    tags: ['volunteers'],
  },
  {
    title: (p) => ({
      en: `Why we build latrines before classrooms in ${p.name}`,
      fr: `Pourquoi nous construisons des latrines avant des salles de classe à ${p.name}`,
    }),
    lead: (p) => ({
      en: `It surprises many supporters: in ${p.name}, our first investment in a school is almost always a latrine block, not a classroom.`,
      fr: `Cela surprend beaucoup de donateurs : à ${p.name}, notre premier investissement dans une école est presque toujours un bloc de latrines, pas une salle de classe.`,
    }),
    categories: ['sanitation', 'education'],
    tags: ['latrines', 'girls'],
  },
  {
    title: (p) => ({
      en: `The young water ambassadors of ${p.name}`,
      fr: `Les jeunes ambassadeurs de l'eau de ${p.name}`,
    }),
    lead: (p, n) => ({
      en: `${n * 12} pupils in ${p.name} have become hygiene ambassadors, teaching their families what they learn at school.`,
      fr: `${n * 12} élèves de ${p.name} sont devenus ambassadeurs de l'hygiène et transmettent à leur famille ce qu'ils apprennent à l'école.`,
    }),
    categories: ['community', 'stories'],
    tags: ['youth', 'handwashing'],
  },
  {
    title: (p, n) => ({
      en: `${n * 50} families reconnected to safe water in ${p.name}`,
      fr: `${n * 50} familles de nouveau raccordées à l'eau potable à ${p.name}`,
    }),
    lead: (p) => ({
      en: `The old gravity-fed system in ${p.name} had been broken for two years. Repairing it took six weeks and the work of the whole community.`,
      fr: `L'ancien réseau gravitaire de ${p.name} était en panne depuis deux ans. Sa remise en état a pris six semaines et mobilisé toute la communauté.`,
    }),
    categories: ['water'],
    tags: ['committees', 'boreholes'],
  },
];

const NEWS_POSTS: ReadonlyArray<{ title: L10n; lead: L10n; categories: string[]; tags: string[] }> = [
  {
    title: {
      en: 'Thank you: our spring appeal beat its target',
      fr: 'Merci : notre appel du printemps a dépassé son objectif',
    },
    lead: {
      en: 'Thanks to more than 2,000 donors, our spring appeal raised enough to equip twelve more schools with water and toilets.',
      fr: "Grâce à plus de 2 000 donateurs, notre appel du printemps a permis d'équiper douze écoles supplémentaires en eau et en toilettes.",
    },
    categories: ['news'],
    tags: ['fundraising'],
  },
  {
    title: { en: 'Welcoming three new board members', fr: 'Bienvenue à trois nouveaux membres du conseil' },
    lead: {
      en: 'Our annual general meeting elected three new trustees, bringing expertise in public health, finance and engineering.',
      fr: 'Notre assemblée générale a élu trois nouveaux administrateurs, experts en santé publique, en finance et en ingénierie.',
    },
    categories: ['news'],
    tags: ['partnerships'],
  },
  {
    title: { en: 'What World Water Day means to us', fr: "Ce que la Journée mondiale de l'eau signifie pour nous" },
    lead: {
      en: 'Two billion people still lack safely managed drinking water. On World Water Day, our team explains why the last mile is the hardest.',
      fr: "Deux milliards de personnes n'ont toujours pas accès à une eau potable gérée en toute sécurité. Pour la Journée mondiale de l'eau, notre équipe explique pourquoi le dernier kilomètre est le plus difficile.",
    },
    categories: ['news', 'water'],
    tags: ['water-quality'],
  },
  {
    title: {
      en: 'Annual report: a year of water and learning',
      fr: "Rapport annuel : une année d'eau et d'apprentissage",
    },
    lead: {
      en: 'Our annual report is out: more water points, more trained teachers, and an honest look at what did not go to plan.',
      fr: "Notre rapport annuel est paru : plus de points d'eau, plus d'enseignants formés, et un regard honnête sur ce qui n'a pas fonctionné.",
    },
    categories: ['news'],
    tags: ['annual-report'],
  },
  {
    title: { en: 'New partnership with AquaTerra Engineering', fr: 'Nouveau partenariat avec AquaTerra Engineering' },
    lead: {
      en: 'AquaTerra’s hydrogeologists will survey every new borehole site with us, so that fewer wells come up dry.',
      fr: "Les hydrogéologues d'AquaTerra étudieront avec nous chaque nouveau site de forage, pour que moins de puits restent secs.",
    },
    categories: ['news', 'water'],
    tags: ['partnerships', 'boreholes'],
  },
  {
    title: { en: 'Running the city marathon for clean water', fr: "Courir le marathon de la ville pour l'eau potable" },
    lead: {
      en: 'Forty-two runners, 42 kilometres each, and more than €30,000 raised for school water points.',
      fr: "Quarante-deux coureurs, 42 kilomètres chacun, et plus de 30 000 € collectés pour les points d'eau des écoles.",
    },
    categories: ['community'],
    tags: ['fundraising', 'volunteers'],
  },
  {
    title: { en: 'Five myths about water in schools', fr: "Cinq idées reçues sur l'eau à l'école" },
    lead: {
      en: 'No, a tap is not enough. Five things we have learned about what really keeps water flowing in schools.',
      fr: "Non, un robinet ne suffit pas. Cinq leçons sur ce qui permet vraiment à l'eau de couler durablement dans les écoles.",
    },
    categories: ['education', 'water'],
    tags: ['latrines', 'committees'],
  },
  {
    title: { en: 'How we measure impact', fr: 'Comment nous mesurons notre impact' },
    lead: {
      en: 'Counting pumps is easy. Counting pumps that still work five years later is what matters, and here is how we do it.',
      fr: 'Compter les pompes est facile. Compter celles qui fonctionnent encore cinq ans plus tard est ce qui compte, et voici comment nous le faisons.',
    },
    categories: ['news'],
    tags: ['water-quality', 'annual-report'],
  },
  {
    title: { en: 'Where your donation goes', fr: 'Où va votre don' },
    lead: {
      en: 'For every euro we receive, 87 cents go directly to programmes. Here is a breakdown of the rest.',
      fr: 'Sur chaque euro reçu, 87 centimes vont directement aux programmes. Voici le détail du reste.',
    },
    categories: ['news'],
    tags: ['fundraising'],
  },
  {
    title: {
      en: 'We are hiring: programme officer for West Africa',
      fr: "Recrutement : chargé·e de programme Afrique de l'Ouest",
    },
    lead: {
      en: 'We are looking for a programme officer based in Dakar to support our education and water projects in Senegal and Burkina Faso.',
      fr: 'Nous recherchons un·e chargé·e de programme basé·e à Dakar pour accompagner nos projets eau et éducation au Sénégal et au Burkina Faso.',
    },
    categories: ['news'],
    tags: ['senegal', 'burkina-faso'],
  },
  {
    title: { en: 'Global Handwashing Day in pictures', fr: 'La Journée mondiale du lavage des mains en images' },
    lead: {
      en: 'Songs, soap and a great deal of splashing: Global Handwashing Day in the schools we support.',
      fr: "Des chansons, du savon et beaucoup d'éclaboussures : la Journée mondiale du lavage des mains dans les écoles que nous soutenons.",
    },
    categories: ['sanitation', 'stories'],
    tags: ['handwashing', 'youth'],
  },
  {
    title: { en: 'Our strategy for the next five years', fr: 'Notre stratégie pour les cinq prochaines années' },
    lead: {
      en: 'Fewer countries, deeper partnerships, and water services that communities run themselves: our new five-year strategy.',
      fr: 'Moins de pays, des partenariats plus solides et des services d’eau gérés par les communautés elles-mêmes : notre nouvelle stratégie à cinq ans.',
    },
    categories: ['news'],
    tags: ['partnerships'],
  },
  {
    title: {
      en: 'Climate change and the water table: what we are seeing',
      fr: 'Changement climatique et nappes phréatiques : ce que nous observons',
    },
    lead: {
      en: 'Our monitoring data show water tables falling in three of the regions where we work. What that means for the next boreholes we drill.',
      fr: 'Nos données de suivi montrent une baisse des nappes dans trois des régions où nous intervenons. Ce que cela change pour nos prochains forages.',
    },
    categories: ['climate', 'water'],
    tags: ['drought', 'water-quality'],
  },
  {
    title: {
      en: 'Menstrual Hygiene Day: breaking the silence',
      fr: "Journée de l'hygiène menstruelle : briser le silence",
    },
    lead: {
      en: 'Periods should never be a reason to miss school. How girls’ clubs are changing the conversation in the communities we serve.',
      fr: "Les règles ne devraient jamais être une raison de manquer l'école. Comment les clubs de filles font évoluer les mentalités dans les communautés que nous accompagnons.",
    },
    categories: ['health', 'education'],
    tags: ['menstrual', 'girls'],
  },
];

/** Sections of a body, each for some categories. Placeholders: {place}, {country} (en), {inCountry} (fr), {n}. */
interface Themed extends L10n {
  themes: string[];
}

const CHALLENGES: readonly Themed[] = [
  {
    themes: ['water', 'community', 'stories'],
    en: 'In {place}, many families still walk more than an hour each way to fetch water, and the task falls mostly on women and girls. Every hour spent carrying water is an hour not spent in class or earning an income.',
    fr: "À {place}, de nombreuses familles marchent encore plus d'une heure à l'aller comme au retour pour chercher de l'eau, une tâche qui revient surtout aux femmes et aux filles. Chaque heure passée à porter de l'eau est une heure perdue pour l'école ou pour gagner un revenu.",
  },
  {
    themes: ['sanitation', 'education', 'health'],
    en: 'Schools around {place} often have no working toilets and no water for handwashing. Pupils, and girls in particular, miss lessons as a result, and diarrhoeal illness spreads quickly in the dry season.',
    fr: "Autour de {place}, les écoles n'ont souvent ni toilettes en état de marche ni eau pour se laver les mains. Les élèves, et surtout les filles, manquent des cours, et les maladies diarrhéiques se propagent vite à la saison sèche.",
  },
  {
    themes: ['climate', 'water'],
    en: 'Rainfall in {country} has become harder to predict, especially around {place}. Shallow wells dry up earlier each year, and the water that remains is often unsafe to drink without treatment.',
    fr: "Les pluies sont devenues plus imprévisibles {inCountry}, en particulier autour de {place}. Les puits peu profonds s'assèchent chaque année plus tôt, et l'eau qui reste est souvent impropre à la consommation sans traitement.",
  },
  {
    themes: ['water', 'community'],
    en: 'Local water committees in {place} want to maintain their own pumps, but spare parts are expensive and few people have been trained to repair them.',
    fr: 'À {place}, les comités de l’eau veulent entretenir eux-mêmes leurs pompes, mais les pièces détachées coûtent cher et peu de personnes ont été formées à les réparer.',
  },
  {
    themes: ['education'],
    en: 'Classrooms in {place} are crowded, and many teachers have had little training in teaching children to read. Without reading skills in the first years, pupils struggle in every other subject.',
    fr: 'À {place}, les classes sont surchargées et beaucoup d’enseignants ont été peu formés à l’apprentissage de la lecture. Sans savoir lire dès les premières années, les élèves peinent dans toutes les matières.',
  },
];

const ACTIONS: readonly Themed[] = [
  {
    themes: ['water', 'health'],
    en: 'drilled and tested a new borehole, with water quality checked every quarter',
    fr: "foré et testé un nouveau forage, dont la qualité de l'eau est contrôlée chaque trimestre",
  },
  {
    themes: ['water', 'community', 'stories'],
    en: 'trained {n} members of the local water committee in maintenance and bookkeeping',
    fr: "formé {n} membres du comité de l'eau local à l'entretien et à la tenue des comptes",
  },
  {
    themes: ['sanitation', 'education', 'health'],
    en: 'built separate latrine blocks for girls and boys, with handwashing stations',
    fr: 'construit des blocs de latrines séparés pour les filles et les garçons, avec des postes de lavage des mains',
  },
  {
    themes: ['sanitation', 'health', 'community', 'stories'],
    en: 'ran hygiene sessions with pupils, teachers and parents',
    fr: "animé des séances d'hygiène avec les élèves, les enseignants et les parents",
  },
  {
    themes: ['water', 'climate'],
    en: 'installed a solar pump and a 10,000-litre storage tank',
    fr: 'installé une pompe solaire et une citerne de 10 000 litres',
  },
  {
    themes: ['education', 'health'],
    en: "distributed reusable sanitary kits and set up a girls' club",
    fr: 'distribué des kits hygiéniques réutilisables et créé un club de filles',
  },
  {
    themes: ['education'],
    en: 'trained teachers in phonics-based reading methods',
    fr: 'formé les enseignants à des méthodes de lecture fondées sur la phonétique',
  },
  {
    themes: ['community', 'water', 'stories'],
    en: 'set up a maintenance fund that every household pays into',
    fr: "mis en place une caisse d'entretien alimentée par chaque foyer",
  },
  {
    themes: ['climate', 'water', 'education'],
    en: 'fitted gutters and tanks to collect rainwater from school roofs',
    fr: "posé des gouttières et des citernes pour récupérer l'eau de pluie des toits des écoles",
  },
  {
    themes: ['education', 'community'],
    en: 'stocked the school library with books in the local language',
    fr: "équipé la bibliothèque de l'école de livres en langue locale",
  },
];

const HIGHLIGHTS: readonly L10n[] = [
  { en: '{n} new water points brought into service', fr: "{n} nouveaux points d'eau mis en service" },
  {
    en: '{n} schools equipped with latrines and handwashing stations',
    fr: '{n} écoles équipées de latrines et de postes de lavage des mains',
  },
  { en: '{n} water committees trained and registered', fr: "{n} comités de l'eau formés et enregistrés" },
  { en: '87% of funds spent directly on programmes', fr: '87 % des fonds consacrés directement aux programmes' },
  {
    en: '{n} volunteers mobilised in Europe and in the field',
    fr: '{n} bénévoles mobilisés en Europe et sur le terrain',
  },
  {
    en: 'monitoring visits to every water point built since 2018',
    fr: "des visites de suivi à chaque point d'eau construit depuis 2018",
  },
];

const NEXT_STEPS: readonly L10n[] = [
  {
    en: 'Over the coming months we will monitor how the new facilities are used and share the results in our [annual report](/about/annual-reports). If you would like to help us reach the next village, you can [make a donation](/get-involved/donate).',
    fr: 'Dans les mois à venir, nous suivrons l’utilisation des nouveaux équipements et publierons les résultats dans notre [rapport annuel](/a-propos/rapports-annuels). Pour nous aider à atteindre le prochain village, vous pouvez [faire un don](/agir/faire-un-don).',
  },
  {
    en: 'The next phase starts before the rainy season. Read more about [where we work](/our-work/where-we-work), or find out how to [volunteer with us](/get-involved/volunteer).',
    fr: 'La prochaine phase commencera avant la saison des pluies. Découvrez [où nous intervenons](/nos-actions/ou-nous-intervenons) ou comment [devenir bénévole](/agir/benevolat).',
  },
  {
    en: 'This work contributes to [Sustainable Development Goal 6](https://sdgs.un.org/goals/goal6): clean water and sanitation for all. Thank you to everyone who [supports us](/get-involved/donate).',
    fr: "Ce travail contribue à l'[objectif de développement durable 6](https://sdgs.un.org/goals/goal6) : l'eau propre et l'assainissement pour tous. Merci à toutes celles et ceux qui [nous soutiennent](/agir/faire-un-don).",
  },
  {
    en: 'We will publish the monitoring data, with [water quality results](https://washdata.org), as soon as the first quarter is complete. Questions? [Get in touch](/contact).',
    fr: "Nous publierons les données de suivi, avec les [résultats d'analyse de l'eau](https://washdata.org), dès la fin du premier trimestre. Des questions ? [Contactez-nous](/contact).",
  },
];

const QUOTES: readonly Themed[] = [
  {
    themes: ['water', 'sanitation', 'climate', 'stories'],
    en: '> “Now my daughters arrive at school on time, and they are not exhausted before the lesson even starts.” — a mother in {place}',
    fr: '> « Maintenant mes filles arrivent à l’heure à l’école, et elles ne sont plus épuisées avant même le début du cours. » — une mère de famille à {place}',
  },
  {
    themes: ['water', 'community'],
    en: '> “When the pump breaks, we know how to fix it ourselves. That changes everything.” — a water committee member in {place}',
    fr: '> « Quand la pompe tombe en panne, nous savons la réparer nous-mêmes. Cela change tout. » — un membre du comité de l’eau de {place}',
  },
  {
    themes: ['education'],
    en: '> “The children ask for books now. Before, they asked to go home.” — a head teacher in {place}',
    fr: '> « Maintenant les enfants réclament des livres. Avant, ils demandaient à rentrer chez eux. » — une directrice d’école à {place}',
  },
];

const HEADINGS = {
  challenge: { en: 'The challenge', fr: 'Le défi' },
  action: { en: 'What we did', fr: 'Ce que nous avons fait' },
  actionIntro: {
    en: 'Together with the community and our partners, we:',
    fr: 'Avec la communauté et nos partenaires, nous avons :',
  },
  highlights: { en: 'In short', fr: 'En bref' },
  next: { en: "What's next", fr: 'La suite' },
} as const;

function fill(text: string, locale: Locale, place: Place | null, n: number): string {
  return text
    .replaceAll(
      '{place}',
      place?.name ?? (locale === 'en' ? 'the communities we serve' : 'nos communautés partenaires'),
    )
    .replaceAll('{country}', place?.en ?? 'East Africa')
    .replaceAll('{inCountry}', place?.frIn ?? "d'Afrique de l'Est")
    .replaceAll('{n}', String(n));
}

interface BodyChoice {
  challenge: number;
  actions: number[];
  highlights: number[];
  next: number;
  quote: number | null;
}

/** Indices of the items about any of `themes` (all of them when fewer than `min` match). */
function onTheme(items: readonly Themed[], themes: readonly string[], min: number): number[] {
  const matching = items.flatMap((item, i) => (item.themes.some((t) => themes.includes(t)) ? [i] : []));
  return matching.length >= min ? matching : items.map((_, i) => i);
}

function chooseBody(rng: SeededRandom, themes: readonly string[]): BodyChoice {
  const actions = onTheme(ACTIONS, themes, 3);
  return {
    challenge: rng.pick(onTheme(CHALLENGES, themes, 1)),
    actions: rng.sample(actions, Math.min(actions.length, rng.int(3, 4))),
    highlights: rng.sample(
      HIGHLIGHTS.map((_, i) => i),
      3,
    ),
    next: rng.int(0, NEXT_STEPS.length - 1),
    quote: rng.chance(0.5) ? rng.pick(onTheme(QUOTES, themes, 1)) : null,
  };
}

function postBody(locale: Locale, lead: string, place: Place | null, n: number, choice: BodyChoice): string {
  const t = (l: L10n) => fill(l[locale], locale, place, n);
  const parts = [lead];
  if (place) {
    parts.push(`## ${HEADINGS.challenge[locale]}`, t(CHALLENGES[choice.challenge]!));
    parts.push(
      `## ${HEADINGS.action[locale]}`,
      HEADINGS.actionIntro[locale],
      choice.actions.map((i) => `- ${t(ACTIONS[i]!)}`).join('\n'),
    );
    if (choice.quote != null) parts.push(t(QUOTES[choice.quote]!));
  } else {
    parts.push(`## ${HEADINGS.highlights[locale]}`, choice.highlights.map((i) => `- ${t(HIGHLIGHTS[i]!)}`).join('\n'));
  }
  parts.push(`## ${HEADINGS.next[locale]}`, t(NEXT_STEPS[choice.next]!));
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Pages, projects, events

const PAGES: ReadonlyArray<{ key: string; parent?: string; slug: L10n; title: L10n; intro: L10n }> = [
  {
    key: 'about',
    slug: { en: 'about', fr: 'a-propos' },
    title: { en: 'About us', fr: 'Qui sommes-nous' },
    intro: {
      en: 'Wellspring is an independent charity founded in 2012. We help rural communities get safe water, decent toilets and good schools, and keep them working for the long term.',
      fr: "Wellspring est une association indépendante fondée en 2012. Nous aidons les communautés rurales à accéder à l'eau potable, à des toilettes dignes et à de bonnes écoles, et à les faire durer.",
    },
  },
  {
    key: 'team',
    parent: 'about',
    slug: { en: 'team', fr: 'equipe' },
    title: { en: 'Our team', fr: 'Notre équipe' },
    intro: {
      en: 'Twenty-four staff, most of them in the countries where we work, and a board of volunteers.',
      fr: 'Vingt-quatre salariés, pour la plupart dans les pays où nous intervenons, et un conseil d’administration bénévole.',
    },
  },
  {
    key: 'history',
    parent: 'about',
    slug: { en: 'history', fr: 'histoire' },
    title: { en: 'Our history', fr: 'Notre histoire' },
    intro: {
      en: 'It started with one borehole in northern Kenya, drilled by a group of engineering students and the village of Kalokol.',
      fr: 'Tout a commencé par un forage dans le nord du Kenya, réalisé par un groupe d’étudiants ingénieurs et le village de Kalokol.',
    },
  },
  {
    key: 'governance',
    parent: 'about',
    slug: { en: 'governance', fr: 'gouvernance' },
    title: { en: 'Board & governance', fr: 'Conseil et gouvernance' },
    intro: {
      en: 'A board of nine trustees oversees our strategy and finances. Our accounts are audited every year.',
      fr: 'Un conseil de neuf administrateurs supervise notre stratégie et nos finances. Nos comptes sont audités chaque année.',
    },
  },
  {
    key: 'reports',
    parent: 'about',
    slug: { en: 'annual-reports', fr: 'rapports-annuels' },
    title: { en: 'Annual reports', fr: 'Rapports annuels' },
    intro: {
      en: 'Every year we publish what we did, what it cost, and what we learned.',
      fr: 'Chaque année, nous publions ce que nous avons fait, ce que cela a coûté et ce que nous avons appris.',
    },
  },
  {
    key: 'finances',
    parent: 'about',
    slug: { en: 'finances', fr: 'finances' },
    title: { en: 'Where the money goes', fr: "Où va l'argent" },
    intro: {
      en: 'For every euro we receive, 87 cents go directly to programmes, 9 to fundraising and 4 to running the organisation.',
      fr: "Sur chaque euro reçu, 87 centimes vont directement aux programmes, 9 à la collecte de fonds et 4 au fonctionnement de l'association.",
    },
  },
  {
    key: 'work',
    slug: { en: 'our-work', fr: 'nos-actions' },
    title: { en: 'Our work', fr: 'Nos actions' },
    intro: {
      en: 'Water, sanitation and education go together: a school without water is a school that girls leave.',
      fr: "L'eau, l'assainissement et l'éducation vont de pair : une école sans eau est une école que les filles quittent.",
    },
  },
  {
    key: 'water',
    parent: 'work',
    slug: { en: 'clean-water', fr: 'eau-potable' },
    title: { en: 'Clean water', fr: 'Eau potable' },
    intro: {
      en: 'Boreholes, protected springs, rainwater harvesting and solar pumping, chosen with each community for what it can maintain.',
      fr: "Forages, sources aménagées, récupération d'eau de pluie et pompage solaire, choisis avec chaque communauté selon ce qu'elle peut entretenir.",
    },
  },
  {
    key: 'sanitation',
    parent: 'work',
    slug: { en: 'sanitation', fr: 'assainissement' },
    title: { en: 'Sanitation & hygiene', fr: 'Assainissement et hygiène' },
    intro: {
      en: 'Separate latrines for girls and boys, handwashing stations and hygiene clubs in every school we support.',
      fr: 'Des latrines séparées pour les filles et les garçons, des postes de lavage des mains et des clubs d’hygiène dans chaque école soutenue.',
    },
  },
  {
    key: 'education',
    parent: 'work',
    slug: { en: 'education', fr: 'education' },
    title: { en: 'Education', fr: 'Éducation' },
    intro: {
      en: 'Teacher training, reading clubs and support for girls to stay in school.',
      fr: "Formation des enseignants, clubs de lecture et accompagnement des filles pour qu'elles restent scolarisées.",
    },
  },
  {
    key: 'where',
    parent: 'work',
    slug: { en: 'where-we-work', fr: 'ou-nous-intervenons' },
    title: { en: 'Where we work', fr: 'Où nous intervenons' },
    intro: {
      en: 'Kenya, Uganda, Tanzania, Senegal, Burkina Faso, Madagascar and Nepal, always with local partners.',
      fr: 'Kenya, Ouganda, Tanzanie, Sénégal, Burkina Faso, Madagascar et Népal, toujours avec des partenaires locaux.',
    },
  },
  {
    key: 'involved',
    slug: { en: 'get-involved', fr: 'agir' },
    title: { en: 'Get involved', fr: 'Agir avec nous' },
    intro: {
      en: 'Give, volunteer, fundraise or partner with us: there are many ways to help.',
      fr: 'Donner, devenir bénévole, collecter des fonds ou devenir partenaire : il y a mille façons d’aider.',
    },
  },
  {
    key: 'volunteer',
    parent: 'involved',
    slug: { en: 'volunteer', fr: 'benevolat' },
    title: { en: 'Volunteer', fr: 'Devenir bénévole' },
    intro: {
      en: 'Our volunteers run stalls, translate reports, mentor teachers online and organise events in their towns.',
      fr: 'Nos bénévoles tiennent des stands, traduisent des rapports, accompagnent des enseignants à distance et organisent des événements dans leur ville.',
    },
  },
  {
    key: 'donate',
    parent: 'involved',
    slug: { en: 'donate', fr: 'faire-un-don' },
    title: { en: 'Donate', fr: 'Faire un don' },
    intro: {
      en: '€30 pays for a school handwashing station. €250 trains a water committee. Every gift counts.',
      fr: "30 € financent un poste de lavage des mains dans une école. 250 € forment un comité de l'eau. Chaque don compte.",
    },
  },
  {
    key: 'fundraise',
    parent: 'involved',
    slug: { en: 'fundraise', fr: 'collecter-des-fonds' },
    title: { en: 'Fundraise for us', fr: 'Collecter des fonds' },
    intro: {
      en: 'Run, bake, cycle or celebrate a birthday for clean water: we will send you a fundraising pack.',
      fr: "Courez, pâtissez, pédalez ou fêtez votre anniversaire pour l'eau potable : nous vous enverrons un kit de collecte.",
    },
  },
  {
    key: 'corporate',
    parent: 'involved',
    slug: { en: 'corporate-partnerships', fr: 'partenariats-entreprises' },
    title: { en: 'Corporate partnerships', fr: 'Partenariats entreprises' },
    intro: {
      en: 'Payroll giving, skills-based volunteering and project sponsorship for companies.',
      fr: 'Arrondi sur salaire, mécénat de compétences et parrainage de projets pour les entreprises.',
    },
  },
  {
    key: 'contact',
    slug: { en: 'contact', fr: 'contact' },
    title: { en: 'Contact', fr: 'Contact' },
    intro: {
      en: 'Write to hello@wellspring.example.org or call +33 1 23 45 67 89, Monday to Friday.',
      fr: 'Écrivez à bonjour@wellspring.example.org ou appelez le +33 1 23 45 67 89, du lundi au vendredi.',
    },
  },
  {
    key: 'press',
    slug: { en: 'press', fr: 'presse' },
    title: { en: 'Press & media', fr: 'Presse et médias' },
    intro: {
      en: 'Press releases, photos and interview requests.',
      fr: "Communiqués, photos et demandes d'interview.",
    },
  },
  {
    key: 'privacy',
    slug: { en: 'privacy', fr: 'confidentialite' },
    title: { en: 'Privacy policy', fr: 'Politique de confidentialité' },
    intro: {
      en: 'We collect only what we need to process your donation and keep you informed, and never sell or share it.',
      fr: 'Nous ne collectons que ce qui est nécessaire pour traiter votre don et vous informer, et ne le vendons ni ne le partageons jamais.',
    },
  },
  {
    key: 'legal',
    slug: { en: 'legal-notice', fr: 'mentions-legales' },
    title: { en: 'Legal notice', fr: 'Mentions légales' },
    intro: {
      en: 'Wellspring is a registered non-profit association. Publisher: the Executive Director.',
      fr: 'Wellspring est une association à but non lucratif déclarée. Directrice de la publication : la directrice générale.',
    },
  },
];

const PAGE_FOOTER: L10n = {
  en: '## Find out more\n\n- [Our projects](/our-work)\n- [Latest news](/news)\n- [Make a donation](/get-involved/donate)\n\nQuestions? [Contact us](/contact).',
  fr: '## En savoir plus\n\n- [Nos projets](/nos-actions)\n- [Actualités](/actualites)\n- [Faire un don](/agir/faire-un-don)\n\nDes questions ? [Contactez-nous](/contact).',
};

interface ProjectSpec {
  title: L10n;
  summary: L10n;
  place: number;
  countries: string[];
  sdgs: number[];
  phase: 'PLANNED' | 'ACTIVE' | 'COMPLETED';
  status: Status;
  /** Months from now (negative: in the past). */
  start: number;
  months: number;
  goal: number;
  currency: string;
  beneficiaries: number;
  metrics: string[];
  partners: string[];
  categories: string[];
  tags: string[];
}

const METRICS: Record<string, { en: string; fr: string; unitEn: string; unitFr: string; target: number }> = {
  people: {
    en: 'People with safe water within 30 minutes',
    fr: "Personnes ayant accès à l'eau potable à moins de 30 minutes",
    unitEn: 'people',
    unitFr: 'personnes',
    target: 8000,
  },
  boreholes: { en: 'Boreholes drilled', fr: 'Forages réalisés', unitEn: 'boreholes', unitFr: 'forages', target: 12 },
  stations: {
    en: 'Schools with handwashing stations',
    fr: 'Écoles équipées de postes de lavage des mains',
    unitEn: 'schools',
    unitFr: 'écoles',
    target: 40,
  },
  latrines: {
    en: 'Latrine blocks built',
    fr: 'Blocs de latrines construits',
    unitEn: 'blocks',
    unitFr: 'blocs',
    target: 30,
  },
  teachers: {
    en: 'Teachers trained',
    fr: 'Enseignants formés',
    unitEn: 'teachers',
    unitFr: 'enseignants',
    target: 250,
  },
  girls: {
    en: 'Girls enrolled in secondary school',
    fr: 'Filles scolarisées dans le secondaire',
    unitEn: 'girls',
    unitFr: 'filles',
    target: 600,
  },
  committees: {
    en: 'Water committee members trained',
    fr: "Membres de comités de l'eau formés",
    unitEn: 'people',
    unitFr: 'personnes',
    target: 180,
  },
  storage: {
    en: 'Rainwater storage capacity',
    fr: "Capacité de stockage d'eau de pluie",
    unitEn: 'litres',
    unitFr: 'litres',
    target: 400000,
  },
  samples: {
    en: 'Water samples tested',
    fr: "Échantillons d'eau analysés",
    unitEn: 'samples',
    unitFr: 'échantillons',
    target: 1200,
  },
  sessions: {
    en: 'Hygiene sessions held',
    fr: "Séances de sensibilisation à l'hygiène",
    unitEn: 'sessions',
    unitFr: 'séances',
    target: 500,
  },
  readers: {
    en: 'Pupils reading at grade level',
    fr: 'Élèves lisant au niveau attendu',
    unitEn: '%',
    unitFr: '%',
    target: 70,
  },
};

const PROJECTS: readonly ProjectSpec[] = [
  {
    title: { en: 'Solar-powered boreholes in Turkana', fr: 'Forages solaires dans le Turkana' },
    summary: {
      en: 'Twelve solar-powered boreholes for pastoralist communities around Lodwar.',
      fr: 'Douze forages à pompage solaire pour les communautés pastorales autour de Lodwar.',
    },
    place: 0,
    countries: ['KE'],
    sdgs: [6, 7, 13],
    phase: 'ACTIVE',
    status: 'PUBLISHED',
    start: -14,
    months: 36,
    goal: 480000,
    currency: 'EUR',
    beneficiaries: 9600,
    metrics: ['boreholes', 'people', 'committees'],
    partners: ['aquaterra-engineering', 'sunflow-pumps'],
    categories: ['water', 'climate'],
    tags: ['boreholes', 'solar', 'kenya'],
  },
  {
    title: { en: 'WASH in Schools: Gulu district', fr: 'Eau et hygiène à l’école : district de Gulu' },
    summary: {
      en: 'Water, latrines and hygiene clubs for 40 primary schools in northern Uganda.',
      fr: "Eau, latrines et clubs d'hygiène pour 40 écoles primaires du nord de l'Ouganda.",
    },
    place: 3,
    countries: ['UG'],
    sdgs: [6, 4, 3],
    phase: 'ACTIVE',
    status: 'PUBLISHED',
    start: -20,
    months: 36,
    goal: 350000,
    currency: 'EUR',
    beneficiaries: 18000,
    metrics: ['stations', 'latrines', 'sessions'],
    partners: ['lake-region-health-network', 'green-schools-initiative'],
    categories: ['sanitation', 'education'],
    tags: ['latrines', 'handwashing', 'uganda'],
  },
  {
    title: {
      en: 'Girls’ education and menstrual health in Kaolack',
      fr: 'Éducation des filles et santé menstruelle à Kaolack',
    },
    summary: {
      en: 'Private latrines, reusable kits and girls’ clubs so that periods no longer mean missed school.',
      fr: "Des latrines fermées, des kits réutilisables et des clubs de filles pour que les règles ne fassent plus manquer l'école.",
    },
    place: 5,
    countries: ['SN'],
    sdgs: [4, 5, 6],
    phase: 'ACTIVE',
    status: 'PUBLISHED',
    start: -10,
    months: 30,
    goal: 210000,
    currency: 'EUR',
    beneficiaries: 3200,
    metrics: ['girls', 'latrines', 'sessions'],
    partners: ['learning-without-borders', 'fondation-horizon-bleu'],
    categories: ['education', 'health'],
    tags: ['girls', 'menstrual', 'senegal'],
  },
  {
    title: {
      en: 'Rainwater for rural schools in southern Madagascar',
      fr: "L'eau de pluie pour les écoles rurales du sud de Madagascar",
    },
    summary: {
      en: 'Roof catchment and storage tanks for 25 schools in a region hit by repeated droughts.',
      fr: 'Récupération des eaux de toiture et citernes pour 25 écoles dans une région frappée par des sécheresses répétées.',
    },
    place: 7,
    countries: ['MG'],
    sdgs: [6, 4, 13],
    phase: 'ACTIVE',
    status: 'PUBLISHED',
    start: -8,
    months: 24,
    goal: 180000,
    currency: 'EUR',
    beneficiaries: 7500,
    metrics: ['storage', 'stations'],
    partners: ['green-schools-initiative'],
    categories: ['water', 'climate'],
    tags: ['rainwater', 'drought', 'madagascar'],
  },
  {
    title: { en: 'Community water committees in Centre-Nord', fr: "Comités de l'eau dans le Centre-Nord" },
    summary: {
      en: 'Training and tools so that 60 villages can run and repair their own water points.',
      fr: "Formation et outillage pour que 60 villages gèrent et réparent eux-mêmes leurs points d'eau.",
    },
    place: 9,
    countries: ['BF'],
    sdgs: [6, 16],
    phase: 'ACTIVE',
    status: 'PUBLISHED',
    start: -16,
    months: 24,
    goal: 95000,
    currency: 'EUR',
    beneficiaries: 21000,
    metrics: ['committees', 'people'],
    partners: ['fondation-horizon-bleu'],
    categories: ['water', 'community'],
    tags: ['committees', 'burkina-faso'],
  },
  {
    title: {
      en: 'Earthquake-resilient school toilets in Sindhupalchok',
      fr: 'Des toilettes scolaires parasismiques à Sindhupalchok',
    },
    summary: {
      en: 'Rebuilding school sanitation to withstand earthquakes and landslides.',
      fr: "Reconstruire l'assainissement des écoles pour résister aux séismes et aux glissements de terrain.",
    },
    place: 11,
    countries: ['NP'],
    sdgs: [6, 4, 11],
    phase: 'COMPLETED',
    status: 'PUBLISHED',
    start: -40,
    months: 30,
    goal: 150000,
    currency: 'USD',
    beneficiaries: 5400,
    metrics: ['latrines', 'stations'],
    partners: ['aquaterra-engineering'],
    categories: ['sanitation', 'education'],
    tags: ['latrines', 'nepal'],
  },
  {
    title: { en: 'Cholera prevention around Lake Victoria', fr: 'Prévention du choléra autour du lac Victoria' },
    summary: {
      en: 'Chlorination points, hygiene volunteers and rapid response in fishing communities.',
      fr: "Points de chloration, volontaires d'hygiène et réponse rapide dans les communautés de pêcheurs.",
    },
    place: 12,
    countries: ['UG', 'KE', 'TZ'],
    sdgs: [3, 6],
    phase: 'ACTIVE',
    status: 'PUBLISHED',
    start: -6,
    months: 24,
    goal: 260000,
    currency: 'EUR',
    beneficiaries: 45000,
    metrics: ['sessions', 'samples', 'people'],
    partners: ['lake-region-health-network', 'east-africa-water-research'],
    categories: ['health', 'sanitation'],
    tags: ['cholera', 'handwashing', 'uganda'],
  },
  {
    title: {
      en: 'Early literacy and teacher training in Thiès',
      fr: 'Lecture précoce et formation des enseignants à Thiès',
    },
    summary: {
      en: 'Helping 250 teachers teach reading in the first three years of primary school.',
      fr: 'Aider 250 enseignants à enseigner la lecture dans les trois premières années du primaire.',
    },
    place: 6,
    countries: ['SN'],
    sdgs: [4],
    phase: 'ACTIVE',
    status: 'PUBLISHED',
    start: -12,
    months: 36,
    goal: 140000,
    currency: 'EUR',
    beneficiaries: 9000,
    metrics: ['teachers', 'readers'],
    partners: ['learning-without-borders'],
    categories: ['education'],
    tags: ['teachers', 'literacy', 'senegal'],
  },
  {
    title: {
      en: 'Spring protection in the Kabale highlands',
      fr: 'Aménagement de sources dans les hauts plateaux de Kabale',
    },
    summary: {
      en: 'Protecting 30 springs from contamination and replanting their catchments.',
      fr: 'Protéger 30 sources de la contamination et reboiser leurs bassins versants.',
    },
    place: 4,
    countries: ['UG'],
    sdgs: [6, 15],
    phase: 'COMPLETED',
    status: 'PUBLISHED',
    start: -36,
    months: 24,
    goal: 75000,
    currency: 'EUR',
    beneficiaries: 6000,
    metrics: ['people', 'samples'],
    partners: ['east-africa-water-research'],
    categories: ['water', 'climate'],
    tags: ['water-quality', 'uganda'],
  },
  {
    title: { en: 'Regional water quality monitoring network', fr: "Réseau régional de suivi de la qualité de l'eau" },
    summary: {
      en: 'Field laboratories and open data on the water points we have built since 2012.',
      fr: "Des laboratoires de terrain et des données ouvertes sur les points d'eau construits depuis 2012.",
    },
    place: 1,
    countries: ['KE', 'UG', 'TZ'],
    sdgs: [6, 9],
    phase: 'ACTIVE',
    status: 'PUBLISHED',
    start: -18,
    months: 48,
    goal: 320000,
    currency: 'EUR',
    beneficiaries: 60000,
    metrics: ['samples', 'people'],
    partners: ['east-africa-water-research', 'aquaterra-engineering', 'solidaris-foundation'],
    categories: ['water', 'health'],
    tags: ['water-quality', 'kenya'],
  },
  {
    title: { en: 'School gardens with drip irrigation', fr: 'Jardins scolaires irrigués au goutte-à-goutte' },
    summary: {
      en: 'Vegetable gardens for school canteens, watered by the school borehole.',
      fr: 'Des potagers pour les cantines scolaires, arrosés grâce au forage de l’école.',
    },
    place: 10,
    countries: ['BF'],
    sdgs: [2, 4, 6],
    phase: 'ACTIVE',
    status: 'PUBLISHED',
    start: -4,
    months: 24,
    goal: 60000,
    currency: 'EUR',
    beneficiaries: 2400,
    metrics: ['stations', 'sessions'],
    partners: ['green-schools-initiative', 'solidaris-foundation'],
    categories: ['education', 'climate'],
    tags: ['meals', 'burkina-faso'],
  },
  {
    title: { en: 'Handwashing campaign in Antsirabe', fr: 'Campagne de lavage des mains à Antsirabe' },
    summary: {
      en: 'A behaviour-change campaign in schools, markets and health centres.',
      fr: 'Une campagne de changement de comportement dans les écoles, les marchés et les centres de santé.',
    },
    place: 8,
    countries: ['MG'],
    sdgs: [3, 6],
    phase: 'ACTIVE',
    status: 'IN_REVIEW',
    start: -2,
    months: 18,
    goal: 45000,
    currency: 'EUR',
    beneficiaries: 30000,
    metrics: ['sessions', 'stations'],
    partners: ['fondation-horizon-bleu'],
    categories: ['health', 'sanitation'],
    tags: ['handwashing', 'madagascar'],
  },
  {
    title: { en: 'Drought response in Marsabit', fr: 'Réponse à la sécheresse à Marsabit' },
    summary: {
      en: 'Emergency water trucking, borehole repairs and livestock water points during the drought.',
      fr: 'Transport d’eau d’urgence, réparation de forages et points d’eau pour le bétail pendant la sécheresse.',
    },
    place: 1,
    countries: ['KE'],
    sdgs: [6, 2, 13],
    phase: 'COMPLETED',
    status: 'ARCHIVED',
    start: -30,
    months: 9,
    goal: 120000,
    currency: 'EUR',
    beneficiaries: 14000,
    metrics: ['people', 'boreholes'],
    partners: ['aquaterra-engineering', 'solidaris-foundation'],
    categories: ['climate', 'water'],
    tags: ['drought', 'boreholes', 'kenya'],
  },
  {
    title: {
      en: 'Secondary school scholarships for girls in Mara',
      fr: 'Bourses de lycée pour les filles de la région de Mara',
    },
    summary: {
      en: 'Fees, uniforms and mentoring for girls moving on to secondary school.',
      fr: 'Frais de scolarité, uniformes et tutorat pour les filles qui entrent au lycée.',
    },
    place: 12,
    countries: ['TZ'],
    sdgs: [4, 5],
    phase: 'ACTIVE',
    status: 'PUBLISHED',
    start: -9,
    months: 48,
    goal: 200000,
    currency: 'GBP',
    beneficiaries: 600,
    metrics: ['girls', 'readers'],
    partners: ['learning-without-borders'],
    categories: ['education'],
    tags: ['girls', 'youth'],
  },
  {
    title: { en: 'Sand dams in Makueni', fr: 'Barrages de sable à Makueni' },
    summary: {
      en: 'Community-built sand dams that store water in seasonal riverbeds.',
      fr: "Des barrages de sable construits par les communautés pour stocker l'eau dans les lits des rivières saisonnières.",
    },
    place: 2,
    countries: ['KE'],
    sdgs: [6, 13, 15],
    phase: 'PLANNED',
    status: 'DRAFT',
    start: 3,
    months: 36,
    goal: 280000,
    currency: 'EUR',
    beneficiaries: 12000,
    metrics: ['people', 'committees', 'storage'],
    partners: ['aquaterra-engineering', 'east-africa-water-research'],
    categories: ['water', 'climate'],
    tags: ['drought', 'committees', 'kenya'],
  },
];

interface EventSpec {
  title: L10n;
  summary: L10n;
  /** Days from today (negative: past). */
  day: number;
  /** Local start hour, and length in hours. */
  hour: number;
  hours: number;
  timezone: string;
  venue: string;
  online?: boolean;
  project?: number;
  capacity?: number;
  status?: Status;
  /** Also in French. */
  fr: boolean;
}

const EVENTS: readonly EventSpec[] = [
  {
    title: { en: 'World Water Day webinar', fr: "Webinaire de la Journée mondiale de l'eau" },
    summary: {
      en: 'Our engineers answer your questions live from Kenya and Senegal.',
      fr: 'Nos ingénieurs répondent à vos questions en direct du Kenya et du Sénégal.',
    },
    day: -260,
    hour: 18,
    hours: 1,
    timezone: 'Europe/Paris',
    venue: '',
    online: true,
    fr: true,
  },
  {
    title: { en: 'Annual fundraising gala', fr: 'Soirée de gala annuelle' },
    summary: {
      en: 'Dinner, auction and stories from the field, in aid of school water points.',
      fr: "Dîner, vente aux enchères et récits du terrain, au profit des points d'eau scolaires.",
    },
    day: -200,
    hour: 19,
    hours: 4,
    timezone: 'Europe/Paris',
    venue: 'Pavillon des Berges, Lyon',
    capacity: 220,
    fr: true,
  },
  {
    title: { en: 'Borehole inauguration in Lodwar', fr: 'Inauguration du forage de Lodwar' },
    summary: {
      en: 'The community celebrates the first solar borehole of the Turkana project.',
      fr: 'La communauté célèbre le premier forage solaire du projet Turkana.',
    },
    day: -150,
    hour: 10,
    hours: 3,
    timezone: 'Africa/Nairobi',
    venue: 'Nakwamekwi village, Lodwar',
    project: 0,
    fr: true,
  },
  {
    title: { en: 'Volunteer orientation evening', fr: 'Soirée d’accueil des bénévoles' },
    summary: {
      en: 'New to Wellspring? Meet the team and find the volunteering role that suits you.',
      fr: 'Nouveau chez Wellspring ? Rencontrez l’équipe et trouvez la mission bénévole qui vous convient.',
    },
    day: -120,
    hour: 18,
    hours: 2,
    timezone: 'Europe/Paris',
    venue: '',
    online: true,
    fr: true,
  },
  {
    title: {
      en: 'Global Handwashing Day in Gulu schools',
      fr: 'Journée mondiale du lavage des mains dans les écoles de Gulu',
    },
    summary: {
      en: 'Songs, games and soap in 40 schools of the WASH in Schools programme.',
      fr: "Chansons, jeux et savon dans les 40 écoles du programme Eau et hygiène à l'école.",
    },
    day: -95,
    hour: 9,
    hours: 6,
    timezone: 'Africa/Kampala',
    venue: 'Gulu district primary schools',
    project: 1,
    fr: false,
  },
  {
    title: { en: 'City marathon: Team Wellspring', fr: 'Marathon de la ville : équipe Wellspring' },
    summary: {
      en: 'Cheer on our 42 runners at the 30 km mark.',
      fr: 'Venez encourager nos 42 coureurs au 30e kilomètre.',
    },
    day: -80,
    hour: 8,
    hours: 5,
    timezone: 'Europe/Paris',
    venue: 'Quai Claude-Bernard, Lyon',
    fr: true,
  },
  {
    title: { en: 'Teacher training graduation in Thiès', fr: 'Remise des diplômes des enseignants à Thiès' },
    summary: {
      en: 'Sixty teachers complete the early literacy course.',
      fr: 'Soixante enseignants terminent la formation à la lecture précoce.',
    },
    day: -60,
    hour: 10,
    hours: 3,
    timezone: 'Africa/Dakar',
    venue: 'Centre régional de formation, Thiès',
    project: 7,
    fr: true,
  },
  {
    title: { en: 'Photo exhibition: Water Stories', fr: "Exposition photo : Histoires d'eau" },
    summary: {
      en: 'Portraits of the people behind our projects, by photographer Léa Martin.',
      fr: 'Les portraits des personnes derrière nos projets, par la photographe Léa Martin.',
    },
    day: -45,
    hour: 11,
    hours: 8,
    timezone: 'Europe/Paris',
    venue: 'Galerie du Confluent, Lyon',
    fr: true,
  },
  {
    title: { en: 'Donor briefing: our new five-year strategy', fr: 'Réunion donateurs : notre stratégie à cinq ans' },
    summary: {
      en: 'The executive director presents the strategy and answers your questions.',
      fr: 'La directrice générale présente la stratégie et répond à vos questions.',
    },
    day: -30,
    hour: 12,
    hours: 1,
    timezone: 'Europe/London',
    venue: '',
    online: true,
    fr: false,
  },
  {
    title: { en: 'Menstrual Hygiene Day panel', fr: "Table ronde de la Journée de l'hygiène menstruelle" },
    summary: {
      en: 'Girls’ club leaders from Kaolack talk about breaking the silence.',
      fr: 'Les animatrices des clubs de filles de Kaolack parlent de briser le silence.',
    },
    day: -15,
    hour: 17,
    hours: 2,
    timezone: 'Africa/Dakar',
    venue: '',
    online: true,
    project: 2,
    fr: true,
  },
  {
    title: { en: 'Winter market stall', fr: "Stand au marché d'hiver" },
    summary: {
      en: 'Gifts that give twice: crafts from our partner cooperatives.',
      fr: 'Des cadeaux qui donnent deux fois : l’artisanat de nos coopératives partenaires.',
    },
    day: -330,
    hour: 10,
    hours: 9,
    timezone: 'Europe/Paris',
    venue: 'Place Carnot, Lyon',
    status: 'ARCHIVED',
    fr: true,
  },
  {
    title: { en: 'Annual general meeting', fr: 'Assemblée générale annuelle' },
    summary: {
      en: 'Members vote on the accounts and elect the board. In person and online.',
      fr: 'Les membres votent les comptes et élisent le conseil. En présentiel et en ligne.',
    },
    day: 12,
    hour: 18,
    hours: 2,
    timezone: 'Europe/Paris',
    venue: 'Maison des associations, Lyon',
    online: true,
    capacity: 120,
    fr: true,
  },
  {
    title: { en: 'Webinar: sand dams explained', fr: 'Webinaire : les barrages de sable expliqués' },
    summary: {
      en: 'How a wall of sand can store a season’s worth of water, and why we are building them in Makueni.',
      fr: "Comment un mur de sable peut stocker l'eau d'une saison entière, et pourquoi nous en construisons à Makueni.",
    },
    day: 25,
    hour: 13,
    hours: 1,
    timezone: 'Africa/Nairobi',
    venue: '',
    online: true,
    project: 14,
    fr: false,
  },
  {
    title: { en: 'Quiz night for clean water', fr: "Soirée quiz pour l'eau potable" },
    summary: {
      en: 'Teams of six, a bar and a great deal of trivia about water.',
      fr: "Des équipes de six, un bar et beaucoup de questions sur l'eau.",
    },
    day: 33,
    hour: 19,
    hours: 3,
    timezone: 'Europe/London',
    venue: 'The Old Pump House, Bristol',
    capacity: 90,
    fr: false,
  },
  {
    title: { en: 'Partner summit: East Africa', fr: 'Rencontre des partenaires : Afrique de l’Est' },
    summary: {
      en: 'Our partners from Kenya, Uganda and Tanzania meet to share what works.',
      fr: 'Nos partenaires du Kenya, d’Ouganda et de Tanzanie se retrouvent pour partager ce qui fonctionne.',
    },
    day: 48,
    hour: 9,
    hours: 16,
    timezone: 'Africa/Nairobi',
    venue: 'Kisumu Conference Centre',
    project: 9,
    fr: false,
  },
  {
    title: { en: 'Youth hackathon: open water data', fr: "Hackathon jeunesse : données ouvertes sur l'eau" },
    summary: {
      en: 'Build tools on top of our open water quality data. Beginners welcome.',
      fr: "Créez des outils à partir de nos données ouvertes sur la qualité de l'eau. Débutants bienvenus.",
    },
    day: 60,
    hour: 9,
    hours: 10,
    timezone: 'Europe/Paris',
    venue: 'Campus numérique, Lyon',
    online: true,
    project: 9,
    capacity: 80,
    fr: true,
  },
  {
    title: { en: 'Film screening: The Last Mile', fr: 'Projection : Le dernier kilomètre' },
    summary: {
      en: 'A documentary about the water committees of Burkina Faso, followed by a discussion.',
      fr: "Un documentaire sur les comités de l'eau du Burkina Faso, suivi d'un débat.",
    },
    day: 75,
    hour: 20,
    hours: 2,
    timezone: 'Europe/Paris',
    venue: 'Cinéma Le Comœdia, Lyon',
    project: 4,
    capacity: 150,
    fr: true,
  },
  {
    title: { en: 'Himalayan trek for school toilets', fr: 'Trek himalayen pour les toilettes scolaires' },
    summary: {
      en: 'Ten days of trekking in Nepal, visiting the schools you help to equip.',
      fr: 'Dix jours de trek au Népal, à la rencontre des écoles que vous aidez à équiper.',
    },
    day: 120,
    hour: 7,
    hours: 8,
    timezone: 'Asia/Kathmandu',
    venue: 'Chautara, Sindhupalchok',
    capacity: 16,
    status: 'SCHEDULED',
    fr: false,
  },
  {
    title: { en: 'Spring appeal launch', fr: "Lancement de l'appel du printemps" },
    summary: {
      en: 'An online launch of this year’s appeal, live from Madagascar.',
      fr: "Le lancement en ligne de l'appel de cette année, en direct de Madagascar.",
    },
    day: 150,
    hour: 18,
    hours: 1,
    timezone: 'Europe/Paris',
    venue: '',
    online: true,
    project: 3,
    status: 'DRAFT',
    fr: true,
  },
  {
    title: { en: 'Open day at the Lyon office', fr: 'Journée portes ouvertes au bureau de Lyon' },
    summary: {
      en: 'Meet the team, see how we plan a project, and have a coffee with us.',
      fr: "Rencontrez l'équipe, découvrez comment nous préparons un projet et prenez un café avec nous.",
    },
    day: 90,
    hour: 10,
    hours: 6,
    timezone: 'Europe/Paris',
    venue: '12 rue de la Source, 69002 Lyon',
    fr: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Seeding

export interface DemoContentCounts {
  posts: number;
  pages: number;
  projects: number;
  events: number;
}

const NOTHING: DemoContentCounts = { posts: 0, pages: 0, projects: 0, events: 0 };

function mustGet(map: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo content: unknown ${what} "${key}"`);
  return id;
}

/** Picks the demo authors: the editor, the author and the admin when present, else any users. */
async function demoAuthors(): Promise<string[]> {
  const wanted = [
    'editor@example.org',
    'author@example.org',
    (config.auth.adminEmail ?? 'admin@example.org').toLowerCase(),
  ];
  const found = await prisma.user.findMany({ where: { email: { in: wanted } }, select: { id: true, email: true } });
  if (found.length > 0) return wanted.flatMap((email) => found.filter((u) => u.email === email).map((u) => u.id));
  const any = await prisma.user.findMany({ select: { id: true }, orderBy: { createdAt: 'asc' }, take: 3 });
  return any.map((u) => u.id);
}

/**
 * Loads the demo content when the database has no post yet (else does nothing and returns zeros).
 * Pages, projects and events are each loaded only when their table is empty too. Returns the
 * number of rows made (both locales).
 */
export async function seedDemoContent(): Promise<DemoContentCounts> {
  const locales = config.content.locales;
  if (!locales.includes('en')) return NOTHING;
  if ((await prisma.post.count()) > 0) return NOTHING;
  const useFr = locales.includes('fr');
  const seedLocales: Locale[] = useFr ? ['en', 'fr'] : ['en'];

  const rng = new SeededRandom(0x5eed_2026);
  const now = Date.now();
  const authors = await demoAuthors();
  const authorAt = (i: number) => (authors.length > 0 ? (authors[i % authors.length] as string) : null);
  const [pageCount, projectCount, eventCount] = await Promise.all([
    prisma.page.count(),
    prisma.project.count(),
    prisma.event.count(),
  ]);

  // --- Taxonomy, people, partners (kept when they exist already) -------------------------------
  const categoryRows: Prisma.CategoryCreateManyInput[] = [];
  const tagRows: Prisma.TagCreateManyInput[] = [];
  for (const locale of seedLocales) {
    for (const c of CATEGORIES) {
      categoryRows.push({
        name: c[locale],
        slug: slugOf(c[locale]),
        locale,
        description: locale === 'en' ? c.enDesc : c.frDesc,
      });
    }
    for (const t of TAGS) tagRows.push({ name: t[locale], slug: slugOf(t[locale]), locale });
  }
  const peopleRows: Prisma.PersonCreateManyInput[] = PEOPLE.map((p, position) => ({
    name: p.name,
    slug: slugOf(p.name),
    role: p.role,
    bio: p.bio,
    position,
  }));
  const partnerRows: Prisma.PartnerCreateManyInput[] = PARTNERS.map((p) => {
    const domain = `${p.slug}.example.org`;
    const local = slugOf(p.contactName.replace(/^Dr /, '')).replace('-', '.');
    return {
      name: p.name,
      slug: p.slug,
      website: `https://${domain}`,
      contactName: p.contactName,
      contactEmail: `${local}@${domain}`,
    };
  });

  // --- Posts ------------------------------------------------------------------------------------
  const postRows: Prisma.PostCreateManyInput[] = [];
  const postCategoryKeys: Array<{ id: string; locale: Locale; keys: string[] }> = [];
  const postTagKeys: Array<{ id: string; locale: Locale; keys: string[] }> = [];
  const slugsTaken: Record<Locale, Set<string>> = { en: new Set(), fr: new Set() };
  const uniqueSlug = (locale: Locale, title: string) => {
    const base = slugOf(title);
    let slug = base;
    for (let i = 2; slugsTaken[locale].has(slug); i++) slug = `${base}-${i}`;
    slugsTaken[locale].add(slug);
    return slug;
  };

  interface Draft {
    title: L10n;
    lead: L10n;
    place: Place | null;
    n: number;
    categories: string[];
    tags: string[];
    /** Every category of the template (the body's sections follow them). */
    themes: string[];
  }
  const drafts: Draft[] = NEWS_POSTS.map((p) => {
    const others = TAGS.map((t) => t.key).filter((k) => !p.tags.includes(k));
    const extra = rng.sample(others, rng.int(Math.max(0, 2 - p.tags.length), 3 - p.tags.length));
    return { ...p, tags: [...p.tags, ...extra], themes: p.categories, place: null, n: rng.int(5, 40) };
  });
  const combos = rng.shuffle(PLACE_POSTS.flatMap((_, t) => PLACES.map((_, p) => [t, p] as const))).slice(0, 76);
  for (const [t, p] of combos) {
    const template = PLACE_POSTS[t]!;
    const place = PLACES[p]!;
    const n = rng.int(3, 9);
    const extraTags = rng.sample(
      TAGS.map((tag) => tag.key).filter((k) => !template.tags.includes(k) && k !== place.tag),
      1,
    );
    const tags = [...template.tags, ...(place.tag ? [place.tag] : []), ...extraTags].slice(0, rng.int(2, 4));
    drafts.push({
      title: template.title(place, n),
      lead: template.lead(place, n),
      place,
      n,
      categories: template.categories.slice(0, rng.int(1, 2)),
      themes: template.categories,
      tags: tags.length >= 2 ? tags : [...tags, ...extraTags],
    });
  }
  const ordered = rng.shuffle(drafts);
  const statuses = rng.shuffle<Status>([
    ...Array<Status>(68).fill('PUBLISHED'),
    ...Array<Status>(6).fill('DRAFT'),
    ...Array<Status>(5).fill('IN_REVIEW'),
    ...Array<Status>(5).fill('SCHEDULED'),
    ...Array<Status>(6).fill('ARCHIVED'),
  ]);
  // Which groups get a French version: 52 published ones and 8 others; of the published ones, 4
  // translations are still drafts and 6 are outdated.
  const publishedIdx = statuses.flatMap((s, i) => (s === 'PUBLISHED' ? [i] : []));
  const otherIdx = statuses.flatMap((s, i) => (s !== 'PUBLISHED' ? [i] : []));
  const frPublished = rng.sample(publishedIdx, 52);
  const translated = new Set([...frPublished, ...rng.sample(otherIdx, 8)]);
  const frDraft = new Set(frPublished.slice(0, 4));
  const frOutdated = new Set(frPublished.slice(4, 10));
  const notes = [
    'Please check the figures with the field team before publishing.',
    'Waiting for photo consent forms.',
    'Second read needed: the headline may be too long.',
  ];

  ordered.forEach((draft, i) => {
    const status = statuses[i] ?? 'PUBLISHED';
    const groupId = rng.uuid();
    const authorId = authorAt(i);
    const body = chooseBody(rng, draft.themes);
    let createdAt: Date;
    let publishedAt: Date | null = null;
    let scheduledFor: Date | null = null;
    let updatedAt: Date;
    if (status === 'PUBLISHED' || status === 'ARCHIVED') {
      const at = now - rng.int(1, 730) * DAY - rng.int(0, 23) * HOUR;
      publishedAt = new Date(at);
      createdAt = new Date(at - rng.int(1, 10) * DAY);
      updatedAt = new Date(Math.min(now - HOUR, at + rng.int(0, 20) * DAY));
    } else if (status === 'SCHEDULED') {
      createdAt = new Date(now - rng.int(3, 20) * DAY);
      updatedAt = new Date(createdAt.getTime() + rng.int(0, 2) * DAY);
      const day = Math.floor(now / DAY) + rng.int(2, 45);
      scheduledFor = new Date(day * DAY + 8 * HOUR);
    } else {
      createdAt = new Date(now - rng.int(1, 60) * DAY);
      updatedAt = new Date(Math.min(now - HOUR, createdAt.getTime() + rng.int(0, 5) * DAY));
    }
    const en: Prisma.PostCreateManyInput = {
      id: rng.uuid(),
      slug: uniqueSlug('en', draft.title.en),
      locale: 'en',
      title: draft.title.en,
      status,
      publishedAt,
      scheduledFor,
      authorId,
      translationGroupId: groupId,
      editorialNotes: status === 'IN_REVIEW' ? rng.pick(notes) : '',
      excerpt: draft.lead.en.split('. ')[0]!.replace(/\.?$/, '.'),
      body: postBody('en', draft.lead.en, draft.place, draft.n, body),
      createdAt,
      updatedAt,
    };
    postRows.push(en);
    postCategoryKeys.push({ id: en.id!, locale: 'en', keys: draft.categories });
    postTagKeys.push({ id: en.id!, locale: 'en', keys: draft.tags });

    if (!useFr || !translated.has(i)) return;
    const frStatus: Status = frDraft.has(i) ? 'DRAFT' : status === 'PUBLISHED' ? 'PUBLISHED' : status;
    const frCreated = new Date(Math.min(now - 2 * HOUR, createdAt.getTime() + rng.int(1, 7) * DAY));
    const frPublishedAt =
      frStatus === 'PUBLISHED' || frStatus === 'ARCHIVED'
        ? new Date(Math.min(now - HOUR, (publishedAt?.getTime() ?? now) + rng.int(0, 5) * DAY))
        : null;
    let frUpdated = new Date(Math.max(frCreated.getTime(), frPublishedAt?.getTime() ?? 0));
    const outdated = frOutdated.has(i);
    if (outdated) {
      // The English version was edited after the translation.
      frUpdated = new Date(Math.min(frUpdated.getTime(), now - 3 * DAY));
      en.updatedAt = new Date(frUpdated.getTime() + rng.int(1, 2) * DAY);
    }
    const fr: Prisma.PostCreateManyInput = {
      id: rng.uuid(),
      slug: uniqueSlug('fr', draft.title.fr),
      locale: 'fr',
      title: draft.title.fr,
      status: frStatus,
      publishedAt: frPublishedAt,
      scheduledFor: frStatus === 'SCHEDULED' ? scheduledFor : null,
      authorId,
      translationGroupId: groupId,
      translationOutdated: outdated,
      editorialNotes: frDraft.has(i) ? 'Traduction en cours.' : '',
      excerpt: draft.lead.fr.split('. ')[0]!.replace(/\.?$/, '.'),
      body: postBody('fr', draft.lead.fr, draft.place, draft.n, body),
      createdAt: frCreated,
      updatedAt: frUpdated,
    };
    postRows.push(fr);
    postCategoryKeys.push({ id: fr.id!, locale: 'fr', keys: draft.categories });
    postTagKeys.push({ id: fr.id!, locale: 'fr', keys: draft.tags });
  });

  // --- Pages --------------------------------------------------------------------------------------
  const pageRows: Prisma.PageCreateManyInput[][] = [[], []];
  if (pageCount === 0) {
    const groupOf = new Map(PAGES.map((p) => [p.key, rng.uuid()]));
    for (const locale of seedLocales) {
      const ids = new Map<string, { id: string; path: string }>();
      const positions = new Map<string, number>();
      PAGES.forEach((page, i) => {
        const parent = page.parent ? ids.get(page.parent) : undefined;
        const siblingKey = page.parent ?? '';
        const position = positions.get(siblingKey) ?? 0;
        positions.set(siblingKey, position + 1);
        const id = rng.uuid();
        const path = parent ? `${parent.path}/${page.slug[locale]}` : page.slug[locale];
        ids.set(page.key, { id, path });
        const status: Status =
          locale === 'fr' && page.key === 'corporate' ? 'DRAFT' : page.key === 'press' ? 'IN_REVIEW' : 'PUBLISHED';
        const createdAt = new Date(now - (800 - i * 10) * DAY);
        const intro = fill(page.intro[locale], locale, null, 0);
        const team = page.key === 'team' ? `\n\n${PEOPLE.map((p) => `- **${p.name}**, ${p.role}`).join('\n')}` : '';
        (page.parent ? pageRows[1]! : pageRows[0]!).push({
          id,
          slug: page.slug[locale],
          locale,
          title: page.title[locale],
          status,
          publishedAt: status === 'PUBLISHED' ? new Date(createdAt.getTime() + DAY) : null,
          authorId: authorAt(i),
          translationGroupId: groupOf.get(page.key)!,
          translationOutdated: locale === 'fr' && (page.key === 'finances' || page.key === 'donate'),
          body: `${intro}${team}\n\n${PAGE_FOOTER[locale]}`,
          parentId: parent?.id ?? null,
          position,
          path,
          createdAt,
          updatedAt: new Date(createdAt.getTime() + 2 * DAY),
        });
      });
    }
  }

  // --- Projects -------------------------------------------------------------------------------------
  const projectRows: Prisma.ProjectCreateManyInput[] = [];
  const metricRows: Prisma.ImpactMetricCreateManyInput[] = [];
  const projectLinks: Array<{ id: string; locale: Locale; spec: ProjectSpec }> = [];
  const projectIds: Record<Locale, string[]> = { en: [], fr: [] };
  if (projectCount === 0) {
    const today = Math.floor(now / DAY) * DAY;
    PROJECTS.forEach((spec, i) => {
      const groupId = rng.uuid();
      const place = PLACES[spec.place]!;
      const start = new Date(today + spec.start * 30 * DAY);
      start.setUTCDate(1);
      const end = new Date(start);
      end.setUTCMonth(end.getUTCMonth() + spec.months);
      const progress =
        spec.phase === 'COMPLETED' ? 1 : spec.phase === 'PLANNED' ? 0 : Math.min(0.9, -spec.start / spec.months);
      const raised =
        spec.phase === 'COMPLETED'
          ? spec.goal
          : Math.round((spec.goal * (spec.phase === 'PLANNED' ? 0.15 : 0.35 + rng.next() * 0.5)) / 100) * 100;
      const choice = chooseBody(rng, spec.categories);
      const publishedAt =
        spec.status === 'PUBLISHED' || spec.status === 'ARCHIVED'
          ? new Date(Math.min(now - DAY, start.getTime()))
          : null;
      const metricPlan = spec.metrics.map((key) => {
        const m = METRICS[key]!;
        const target = Math.round(m.target * (0.6 + rng.next() * 0.8));
        const achieved =
          spec.phase === 'PLANNED' ? null : Math.round(target * Math.min(1.1, progress * (0.8 + rng.next() * 0.4)));
        return {
          m,
          target: m.unitEn === '%' ? m.target : target,
          achieved: m.unitEn === '%' && achieved != null ? Math.min(achieved, 95) : achieved,
        };
      });
      for (const locale of seedLocales) {
        const id = rng.uuid();
        projectIds[locale].push(id);
        const partners = spec.partners
          .map((slug) => PARTNERS.find((p) => p.slug === slug)!)
          .map((p) => `[${p.name}](https://${p.slug}.example.org)`)
          .join(locale === 'en' ? ' and ' : ' et ');
        const body = [
          `## ${locale === 'en' ? 'Context' : 'Contexte'}`,
          fill(CHALLENGES[choice.challenge]![locale], locale, place, 0),
          `## ${locale === 'en' ? 'Activities' : 'Activités'}`,
          choice.actions.map((a) => `- ${fill(ACTIONS[a]![locale], locale, place, rng.int(6, 14))}`).join('\n'),
          `## ${locale === 'en' ? 'Partners' : 'Partenaires'}`,
          locale === 'en' ? `This project is run with ${partners}.` : `Ce projet est mené avec ${partners}.`,
          fill(NEXT_STEPS[choice.next]![locale], locale, place, 0),
        ].join('\n\n');
        projectRows.push({
          id,
          slug: slugOf(spec.title[locale]),
          locale,
          title: spec.title[locale],
          status: spec.status,
          publishedAt,
          authorId: authorAt(i),
          translationGroupId: groupId,
          translationOutdated: locale === 'fr' && (i === 1 || i === 9),
          summary: spec.summary[locale],
          body,
          phase: spec.phase,
          startDate: start,
          endDate: end,
          location: `${place.name}, ${locale === 'en' ? place.en : place.frIn.replace(/^(au|en|à) /, '')}`,
          countries: spec.countries,
          sdgs: spec.sdgs,
          fundingGoal: spec.goal,
          fundsRaised: raised,
          currency: spec.currency,
          beneficiaries: spec.beneficiaries,
          createdAt: new Date(Math.min(now - 2 * DAY, start.getTime() - 30 * DAY)),
          updatedAt: new Date(now - rng.int(1, 60) * DAY),
        });
        metricPlan.forEach(({ m, target, achieved }, position) => {
          metricRows.push({
            projectId: id,
            indicator: m[locale],
            unit: locale === 'en' ? m.unitEn : m.unitFr,
            target,
            achieved,
            period: `${start.getUTCFullYear()}–${end.getUTCFullYear()}`,
            source: locale === 'en' ? 'Field monitoring reports' : 'Rapports de suivi de terrain',
            position,
          });
        });
        projectLinks.push({ id, locale, spec });
      }
    });
  }

  // --- Events -------------------------------------------------------------------------------------
  const eventRows: Prisma.EventCreateManyInput[] = [];
  if (eventCount === 0) {
    const today = Math.floor(now / DAY) * DAY;
    EVENTS.forEach((spec, i) => {
      const groupId = rng.uuid();
      const startsAt = new Date(today + spec.day * DAY + spec.hour * HOUR);
      const status: Status = spec.status ?? 'PUBLISHED';
      const publishedAt =
        status === 'PUBLISHED' || status === 'ARCHIVED'
          ? new Date(Math.min(now - DAY, startsAt.getTime() - rng.int(20, 45) * DAY))
          : null;
      for (const locale of seedLocales) {
        if (locale === 'fr' && !spec.fr) continue;
        const slug = slugOf(`${spec.title[locale]} ${new Date(startsAt).getUTCFullYear()}`);
        const project = spec.project != null ? projectIds[locale][spec.project] : undefined;
        const onlineUrl = spec.online ? `https://meet.wellspring.example.org/${slugOf(spec.title.en)}` : null;
        const where = spec.venue || (locale === 'en' ? 'Online' : 'En ligne');
        eventRows.push({
          id: rng.uuid(),
          slug,
          locale,
          title: spec.title[locale],
          status,
          publishedAt,
          scheduledFor: status === 'SCHEDULED' ? new Date(now + 5 * DAY) : null,
          authorId: authorAt(i + 1),
          translationGroupId: groupId,
          translationOutdated: locale === 'fr' && i === 7,
          summary: spec.summary[locale],
          body: [
            spec.summary[locale],
            `## ${locale === 'en' ? 'Practical details' : 'Infos pratiques'}`,
            [
              `- ${locale === 'en' ? 'Where' : 'Où'}: ${where}`,
              `- ${locale === 'en' ? 'Duration' : 'Durée'}: ${spec.hours} h`,
              spec.capacity ? `- ${locale === 'en' ? 'Places' : 'Places'}: ${spec.capacity}` : null,
            ]
              .filter(Boolean)
              .join('\n'),
            locale === 'en'
              ? 'Questions? [Contact the events team](/contact).'
              : 'Des questions ? [Contactez l’équipe événements](/contact).',
          ].join('\n\n'),
          startsAt,
          endsAt: new Date(startsAt.getTime() + spec.hours * HOUR),
          timezone: spec.timezone,
          venue: spec.venue,
          onlineUrl,
          registrationUrl: spec.day > 0 ? `https://wellspring.example.org/register/${slugOf(spec.title.en)}` : null,
          capacity: spec.capacity ?? null,
          projectId: project ?? null,
          createdAt: new Date(Math.min(now - 2 * DAY, startsAt.getTime() - 60 * DAY)),
          updatedAt: new Date(Math.min(now - DAY, startsAt.getTime() - 10 * DAY)),
        });
      }
    });
  }

  // --- Write ----------------------------------------------------------------------------------------
  await prisma.$transaction(
    async (tx) => {
      await tx.category.createMany({ data: categoryRows, skipDuplicates: true });
      await tx.tag.createMany({ data: tagRows, skipDuplicates: true });
      await tx.person.createMany({ data: peopleRows, skipDuplicates: true });
      await tx.partner.createMany({ data: partnerRows, skipDuplicates: true });
      const keyed = <T extends { slug: string; locale: string; id: string }>(
        rows: T[],
        defs: ReadonlyArray<{ key: string; en: string; fr: string }>,
      ) => {
        const bySlug = new Map(rows.map((r) => [`${r.locale}:${r.slug}`, r.id]));
        const map = new Map<string, string>();
        for (const locale of seedLocales) {
          for (const d of defs) {
            const id = bySlug.get(`${locale}:${slugOf(d[locale])}`);
            if (id) map.set(`${locale}:${d.key}`, id);
          }
        }
        return map;
      };
      const categories = keyed(
        await tx.category.findMany({
          where: { locale: { in: seedLocales } },
          select: { id: true, slug: true, locale: true },
        }),
        CATEGORIES,
      );
      const tags = keyed(
        await tx.tag.findMany({
          where: { locale: { in: seedLocales } },
          select: { id: true, slug: true, locale: true },
        }),
        TAGS,
      );
      const partners = new Map(
        (
          await tx.partner.findMany({
            where: { slug: { in: PARTNERS.map((p) => p.slug) } },
            select: { id: true, slug: true },
          })
        ).map((p) => [p.slug, p.id]),
      );

      await tx.post.createMany({ data: postRows });
      await insertJoinRows(
        tx,
        '_CategoryToPost',
        postCategoryKeys.flatMap(({ id, locale, keys }) =>
          keys.map((k) => [mustGet(categories, `${locale}:${k}`, 'category'), id] as const),
        ),
      );
      await insertJoinRows(
        tx,
        '_PostToTag',
        postTagKeys.flatMap(({ id, locale, keys }) =>
          [...new Set(keys)].map((k) => [id, mustGet(tags, `${locale}:${k}`, 'tag')] as const),
        ),
      );

      // Parents before children.
      for (const rows of pageRows) if (rows.length > 0) await tx.page.createMany({ data: rows });

      if (projectRows.length > 0) {
        await tx.project.createMany({ data: projectRows });
        await tx.impactMetric.createMany({ data: metricRows });
        await insertJoinRows(
          tx,
          '_CategoryToProject',
          projectLinks.flatMap(({ id, locale, spec }) =>
            spec.categories.map((k) => [mustGet(categories, `${locale}:${k}`, 'category'), id] as const),
          ),
        );
        await insertJoinRows(
          tx,
          '_ProjectToTag',
          projectLinks.flatMap(({ id, locale, spec }) =>
            spec.tags.map((k) => [id, mustGet(tags, `${locale}:${k}`, 'tag')] as const),
          ),
        );
        await insertJoinRows(
          tx,
          '_PartnerToProject',
          projectLinks.flatMap(({ id, spec }) =>
            spec.partners.map((s) => [mustGet(partners, s, 'partner'), id] as const),
          ),
        );
      }
      if (eventRows.length > 0) await tx.event.createMany({ data: eventRows });
    },
    { maxWait: 10_000, timeout: 60_000 },
  );

  return {
    posts: postRows.length,
    pages: pageRows[0]!.length + pageRows[1]!.length,
    projects: projectRows.length,
    events: eventRows.length,
  };
}
