/**
 * Example answers of opleidingsouders to the five open questions (section ids of
 * data/instrumenten/opleidingsouders.json): what parents say about their experience of a practice
 * conversation, in their own words — an experience, never a grade (seed 003 §4.2).
 */
export const feedbackTexts: Readonly<Record<string, readonly string[]>> = {
  oo_sfeer: [
    "We voelden ons meteen welkom, ze kwam ons bij de deur ophalen.",
    "Vriendelijk en rustig, ze keek ons steeds aan.",
    "In het begin wat gespannen, daarna ontspannen.",
    "Prettig, al zaten we wel erg laag aan dat tafeltje.",
    "Hij maakte een grapje en dat brak het ijs.",
  ],
  oo_positief: [
    "Ja, ze vertelde wat onze dochter goed doet in de klas.",
    "Hij noemde een mooi voorbeeld van hoe onze zoon een klasgenoot hielp.",
    "Vooral positief, ook bij wat nog lastig gaat.",
    "Ze sprak met warmte over ons kind, dat deed ons goed.",
    "Er ging veel tijd naar wat niet goed gaat; het positieve kwam pas aan het eind.",
  ],
  oo_ontwikkeling: [
    "Ze wist goed hoe het met lezen gaat en had het toetsoverzicht bij zich.",
    "Hij kende ons kind nog niet zo goed, dat merkten we.",
    "Wist precies met wie ons kind speelt in de pauze.",
    "Goed voorbereid, ook over de thuissituatie.",
    "Over rekenen wist ze veel, over hoe het in de groep gaat minder.",
  ],
  oo_ruimte: [
    "We konden alles vragen wat we wilden.",
    "Ze vroeg wat wij thuis zien; dat vonden we fijn.",
    "Het gesprek was vol, voor onze eigen vragen bleef weinig tijd.",
    "Hij liet ons uitpraten en vatte daarna samen wat we zeiden.",
    "Er was ruimte, maar we moesten die zelf nemen.",
  ],
  oo_tevreden: [
    "Ja, een fijn gesprek.",
    "Tevreden, we weten nu waar we thuis op kunnen letten.",
    "Goed gesprek, misschien iets te kort.",
    "Ja, en we hebben een nieuwe afspraak gemaakt.",
    "Redelijk; we hadden graag meer over het huiswerk gehoord.",
  ],
};
