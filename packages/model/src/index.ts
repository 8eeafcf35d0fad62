export { type BakkerConditionInfo, BakkerCondition, bakkerConditions, isBakkerCondition } from "./bakker-condition.js";
export { type ConceptRef, Framework, conceptIds, knownConceptRefs, parseConceptRef } from "./concept.js";
export {
  type ConversationKindInfo,
  ConversationKind,
  conversationKindIds,
  conversationKinds,
  isConversationKind,
} from "./conversation-kind.js";
export {
  type EpsteinDomainInfo,
  EpsteinDomain,
  epsteinDomainIds,
  epsteinDomainSource,
  epsteinDomains,
  isEpsteinDomain,
} from "./epstein-domain.js";
export {
  type HgwAandachtspuntInfo,
  HgwAandachtspunt,
  hgwAandachtspunten,
  isHgwAandachtspunt,
} from "./hgw-aandachtspunt.js";
export {
  type HomeInvolvementInfo,
  HomeInvolvement,
  homeInvolvementAspects,
  isHomeInvolvement,
} from "./home-involvement.js";
export {
  type Construct,
  type Dimension,
  type Instrument,
  type InstrumentInput,
  type Item,
  type MissingLabel,
  type ResponseScale,
  type ScaleLabel,
  type Section,
  instrumentJsonSchema,
  instrumentSchema,
} from "./instrument-schema.js";
export {
  type InvolvementFormInfo,
  InvolvementForm,
  involvementForms,
  isInvolvementForm,
} from "./involvement-form.js";
export { ItemType, isItemType, itemTypes } from "./item-type.js";
export {
  type Leerdoel,
  type Toetsing,
  LeerdoelKind,
  afstudeerfaseIntro,
  isLeerdoelKind,
  leerdoelHeading,
  leerdoelen,
  leerdoelenFor,
  toetsingen,
} from "./leerdoel.js";
export {
  type LeerlijnComponentInfo,
  type LeerstofOnderdeelInfo,
  LeerlijnComponent,
  LeerstofOnderdeel,
  isLeerlijnComponent,
  isLeerstofOnderdeel,
  leerlijnComponents,
  leerstofOnderdelen,
} from "./leerlijn.js";
export {
  type LeerlijnLink,
  LinkedInstrument,
  isLinkedInstrument,
  leerlijnLinks,
  linksToProfieleis,
  profieleisenFor,
  profieleisenForItem,
} from "./leerlijn-link.js";
export {
  type MentaalModel,
  type MentaalModelStep,
  type MentaalModelStructurePart,
  MentaalModelPart,
  isMentaalModelPart,
  mentaalModel,
} from "./mentaal-model.js";
export { MissingKind, isMissingKind, missingKinds } from "./missing-kind.js";
export {
  type OnderwijsondersteunendAspectInfo,
  type OnderwijsondersteunendGedragingInfo,
  OnderwijsondersteunendAspect,
  OnderwijsondersteunendGedraging,
  isOnderwijsondersteunendAspect,
  isOnderwijsondersteunendGedraging,
  onderwijsondersteunendAspecten,
  onderwijsondersteunendGedragingen,
} from "./onderwijsondersteunend-gedrag.js";
export { type ParentRoleInfo, ParentRole, isParentRole, parentRoles } from "./parent-role.js";
export { parseInstrument, parseInstrumentText } from "./parse-instrument.js";
export {
  type PartnershipFormInfo,
  PartnershipForm,
  isPartnershipForm,
  partnershipForms,
} from "./partnership-form.js";
export { type Problem, type Result, fail, formatPath, ok } from "./problem.js";
export {
  type Profieleis,
  type ProfieleisGroupInfo,
  type ProfieleisId,
  findProfieleis,
  isProfieleisId,
  profieleisGroups,
  profieleisIds,
  profieleisen,
} from "./profieleis.js";
export type { Answer, SurveyResponse } from "./response.js";
export { type StudyPhaseInfo, StudyPhase, isStudyPhase, studyPhaseIds, studyPhases } from "./study-phase.js";
