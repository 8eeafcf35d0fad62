import type { ConstructInfo } from "@zaz/survey";

/**
 * The method section every view ends with: how scores, intervals, reliability and suppression
 * work, so a reader can judge every number without a manual.
 */
export function methodSection(
  privacy: { k: number; kText: number },
  constructs: readonly ConstructInfo[] = [],
): { heading: string; text: string }[] {
  const formulas = [
    ...new Map(
      constructs
        .filter((c) => c.scale && c.rapportcijferFormula)
        .map((c) => [`${c.scale?.min}-${c.scale?.max}`, c]),
    ).values(),
  ]
    .map((c) => `schaal ${c.scale?.min}–${c.scale?.max}: ${c.rapportcijferFormula}`)
    .join("; ");
  return [
    {
      heading: "Schaalscores",
      text: "Een schaalscore is het gemiddelde van de geldige antwoorden van één respondent op de items van een schaal. Omgekeerd geformuleerde items worden eerst omgescoord (code c wordt min + max − c). 'Weet ik niet', 'n.v.t.' en lege antwoorden tellen niet mee; wie minder geldige antwoorden gaf dan het minimum van de schaal, krijgt geen score. Een groepsgemiddelde is het gemiddelde van de schaalscores van de respondenten in die groep; n is het aantal respondenten met een score.",
    },
    {
      heading: "Intervallen",
      text: "Bij een gemiddelde staat een 95%-betrouwbaarheidsinterval volgens de t-verdeling (gemiddelde ± t × SD / √n). Ouders in één groep lijken meer op elkaar dan ouders uit verschillende groepen; het interval van een totaal over meerdere groepen rekent daarom met n / designeffect respondenten, met designeffect = 1 + (m − 1) × ICC (ICC: de intraklassecorrelatie binnen groepen, m: de gewogen groepsgrootte). Een verschil tussen twee metingen krijgt een 95%-interval volgens Welch; een aandeel (de respons, het aandeel eens, het aandeel JA bij observaties) een Wilson-interval. Een interval dat 0 bevat betekent: het verschil kan toeval zijn. Bij minder dan 10 respondenten (†) is een interval een ruwe schatting.",
    },
    {
      heading: "Rapportcijfer",
      text: `Het rapportcijfer zet een gemiddelde lineair om naar 1–10: 1 + 9 × (gemiddelde − min) / (max − min)${formulas === "" ? "." : `, dus ${formulas}. Vensters gebruikt dezelfde omzetting (3 × gemiddelde − 2 voor een vierpuntsschaal).`}`,
    },
    {
      heading: "Betrouwbaarheid",
      text: "Cronbach's alfa geeft aan hoe samenhangend de items van een schaal zijn (boven 0,7 is gebruikelijk voldoende); de gestandaardiseerde alfa doet hetzelfde met items die eerst op gelijke spreiding zijn gebracht. Het 95%-interval volgt Feldt (1965). 'Alfa zonder item' en de item-restcorrelatie laten zien welk item de schaal verzwakt; een negatieve item-restcorrelatie wijst meestal op een vergeten omscoring. Als de antwoorden niet verschillen, is alfa niet te bepalen (n.t.b.).",
    },
    {
      heading: "Privacy en afscherming",
      text: `Geen enkel getal, percentage, gemiddelde, verdeling of grafiekelement wordt getoond voor een groep van minder dan ${privacy.k} respondenten ("minder dan ${privacy.k} respondenten"); dat is iets anders dan "geen gegevens" (niemand antwoordde). Wat verborgen wordt, is in één keer gekozen voor alle overzichten samen (scholen, klassen, groepen, metingen, fasen, cohorten en soorten gesprek): waar een kleine groep uit het optellen of aftrekken van getallen in andere overzichten terug te rekenen zou zijn, wordt ook een ander getal afgeschermd ("×"), in elk overzicht waarin het staat. Open antwoorden staan er alleen bij groepen van minstens ${privacy.kText} respondenten. Feedback op studenten is bedoeld voor hun ontwikkeling, niet voor beoordeling: docenten zien die alleen samengevat over minstens ${privacy.k} studenten, en studenten worden nooit gerangschikt of met elkaar vergeleken.`,
    },
  ];
}
