/** What the identity guard says, everywhere: it never repeats the number. */
export const identityRefusalMessage =
  'Texten ser ut att innehålla ett personnummer eller samordningsnummer. Uppgifter som kan identifiera en ' +
  'deltagare får inte sparas i Samordna – ta bort numret och försök igen.';
