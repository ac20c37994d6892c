/**
 * Sweden's 21 counties (län), as a förbund's county is written: the national view and the catalogue group
 * förbund by it.
 */
export const swedishCounties = [
  'Blekinge län', 'Dalarnas län', 'Gotlands län', 'Gävleborgs län', 'Hallands län', 'Jämtlands län', 'Jönköpings län',
  'Kalmar län', 'Kronobergs län', 'Norrbottens län', 'Skåne län', 'Stockholms län', 'Södermanlands län', 'Uppsala län',
  'Värmlands län', 'Västerbottens län', 'Västernorrlands län', 'Västmanlands län', 'Västra Götalands län', 'Örebro län', 'Östergötlands län',
] as const;

export type County = (typeof swedishCounties)[number];

export function isCounty(value: string): value is County {
  return (swedishCounties as readonly string[]).includes(value);
}

export const countyRefusal = 'Välj ett av Sveriges 21 län (till exempel "Västmanlands län").';
