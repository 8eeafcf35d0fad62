export {
  type ActionPoint,
  ActionPointChange,
  type ActionPointChanges,
  type ActionPointEvent,
  actionPointChangesSchema,
  isActionPointChange,
  type NewActionPoint,
  newActionPointSchema,
} from "./action-point.js";
export {
  BakkerCondition,
  type BakkerConditionInfo,
  bakkerConditions,
  isBakkerCondition,
} from "./bakker-condition.js";
export { type ConceptRef, conceptIds, Framework, knownConceptRefs, parseConceptRef } from "./concept.js";
export {
  ConversationKind,
  type ConversationKindInfo,
  conversationKindIds,
  conversationKinds,
  isConversationKind,
} from "./conversation-kind.js";
export { DimensionType, dimensionTypes, isDimensionType } from "./dimension-type.js";
export {
  dimensionValueLabel,
  dimensionValueOrder,
  holdsGroepen,
} from "./dimension-value.js";
export {
  EpsteinDomain,
  type EpsteinDomainInfo,
  epsteinDomainIds,
  epsteinDomainSource,
  epsteinDomains,
  isEpsteinDomain,
} from "./epstein-domain.js";
export {
  compareGroepen,
  firstGroepYear,
  type Groep,
  type GroepParse,
  GroepRefusal,
  groepCode,
  groepLabel,
  groepRefusals,
  groepYears,
  isGroepRefusal,
  lastGroepYear,
  parseGroep,
} from "./groep.js";
export {
  HgwAandachtspunt,
  type HgwAandachtspuntInfo,
  hgwAandachtspunten,
  isHgwAandachtspunt,
} from "./hgw-aandachtspunt.js";
export {
  HomeInvolvement,
  type HomeInvolvementInfo,
  homeInvolvementAspects,
  isHomeInvolvement,
} from "./home-involvement.js";
export {
  InstrumentRole,
  instrumentRoles,
  isInstrumentRole,
  roleDimensions,
} from "./instrument-role.js";
export {
  type Construct,
  type Dimension,
  type Instrument,
  type InstrumentInput,
  type Item,
  instrumentJsonSchema,
  instrumentSchema,
  type MissingLabel,
  maxChoiceLabels,
  type RefusedValue,
  type ResponseScale,
  type ScaleLabel,
  type Section,
} from "./instrument-schema.js";
export {
  InvolvementForm,
  type InvolvementFormInfo,
  involvementForms,
  isInvolvementForm,
} from "./involvement-form.js";
export { ItemType, isItemType, itemTypes } from "./item-type.js";
export {
  afstudeerfaseIntro,
  isLeerdoelKind,
  type Leerdoel,
  LeerdoelKind,
  leerdoelen,
  leerdoelenFor,
  leerdoelHeading,
  type Toetsing,
  toetsingen,
} from "./leerdoel.js";
export {
  isLeerlijnComponent,
  isLeerstofOnderdeel,
  LeerlijnComponent,
  type LeerlijnComponentInfo,
  LeerstofOnderdeel,
  type LeerstofOnderdeelInfo,
  leerlijnComponents,
  leerstofOnderdelen,
} from "./leerlijn.js";
export {
  isLinkedInstrument,
  type LeerlijnLink,
  LinkedInstrument,
  leerlijnLinks,
  linksToProfieleis,
  profieleisenFor,
  profieleisenForItem,
} from "./leerlijn-link.js";
export {
  isMentaalModelPart,
  type MentaalModel,
  MentaalModelPart,
  type MentaalModelStep,
  type MentaalModelStructurePart,
  mentaalModel,
} from "./mentaal-model.js";
export { actionPointMessages, groepMessages } from "./messages.js";
export { isMissingKind, MissingKind, missingKinds } from "./missing-kind.js";
export {
  isOnderwijsondersteunendAspect,
  isOnderwijsondersteunendGedraging,
  OnderwijsondersteunendAspect,
  type OnderwijsondersteunendAspectInfo,
  OnderwijsondersteunendGedraging,
  type OnderwijsondersteunendGedragingInfo,
  onderwijsondersteunendAspecten,
  onderwijsondersteunendGedragingen,
} from "./onderwijsondersteunend-gedrag.js";
export {
  leerlijnSource,
  opleidingsoudersConversationKinds,
} from "./opleidingsouders-frame.js";
export { isParentRole, ParentRole, type ParentRoleInfo, parentRoles } from "./parent-role.js";
export { parseInstrument, parseInstrumentText } from "./parse-instrument.js";
export {
  isPartnershipForm,
  PartnershipForm,
  type PartnershipFormInfo,
  partnershipForms,
} from "./partnership-form.js";
export { fail, formatPath, ok, type Problem, type Result } from "./problem.js";
export { groupProblems, type ProblemGroup } from "./problem-groups.js";
export {
  findProfieleis,
  isProfieleisId,
  type Profieleis,
  type ProfieleisGroupInfo,
  type ProfieleisId,
  profieleisen,
  profieleisGroups,
  profieleisIds,
} from "./profieleis.js";
export {
  EntityKind,
  entityKinds,
  isEntityKind,
  newEntityId,
  normaliseBrin,
  normaliseEntityName,
  type RegistryEntity,
} from "./registry-entity.js";
export type { Answer, SurveyResponse } from "./response.js";
export { assignSlugs, slugify, uniqueSlug } from "./slug.js";
export { isStudyPhase, StudyPhase, type StudyPhaseInfo, studyPhaseIds, studyPhases } from "./study-phase.js";
export {
  dimensionValueTranslations,
  instrumentLanguages,
  languageName,
  type ScaleTranslations,
  scaleTranslations,
  type TranslatedText,
  translatedHeaders,
  translateInstrument,
} from "./translate-instrument.js";
export {
  baseLanguage,
  checkTranslations,
  formLanguageDimension,
  languageCodeSchema,
  type Translation,
  type Translations,
  translationSchema,
} from "./translation.js";
export { compareWaveCodes, previousWave, sortWaves, waveName, waveTime } from "./wave-order.js";
