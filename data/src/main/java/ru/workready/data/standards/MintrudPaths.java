package ru.workready.data.standards;

/**
 * The element paths of the Минтруд professional-standard XML that the reader uses, relative to
 * {@code ProfessionalStandart} ({@code ListOKZ} and {@code OtherCharacteristics} occur at several levels, so an
 * element is known by its full path, never by its local name alone).
 */
final class MintrudPaths {
    static final String ROOT = "XMLCardInfo";
    static final String STANDARDS = "ProfessionalStandarts";
    static final String STANDARD = "ProfessionalStandart";

    static final String NAME = "/NameProfessionalStandart";
    static final String REG_NUMBER = "/RegistrationNumber";
    static final String ORDER_NUMBER = "/OrderNumber";
    static final String APPROVAL_DATE = "/DateOfApproval";
    static final String ACTIVITY_KIND = "/FirstSection/KindProfessionalActivity";
    static final String ACTIVITY_CODE = "/FirstSection/CodeKindProfessionalActivity";
    static final String OTF = "/ThirdSection/WorkFunctions/GeneralizedWorkFunctions/GeneralizedWorkFunction";
    static final String OTF_CODE = OTF + "/CodeOTF";
    static final String OTF_NAME = OTF + "/NameOTF";
    static final String OTF_LEVEL = OTF + "/LevelOfQualification";
    static final String OTF_JOB_TITLE = OTF + "/PossibleJobTitles/PossibleJobTitle";
    static final String PURPOSE = "/FirstSection/PurposeKindProfessionalActivity";
    static final String PS_OKZ = "/FirstSection/EmploymentGroup/ListOKZ/UnitOKZ";
    static final String PS_OKVED = "/FirstSection/EmploymentGroup/ListOKVED/UnitOKVED";
    static final String OTF_EDUCATION = OTF + "/EducationalRequirements/EducationalRequirement";
    static final String OTF_EXPERIENCE = OTF + "/RequirementsWorkExperiences/RequirementsWorkExperience";
    static final String OTF_SPECIAL = OTF + "/SpecialConditionsForAdmissionToWork/SpecialConditionForAdmissionToWork";
    static final String OTF_OTHER = OTF + "/OtherCharacteristics/OtherCharacteristics";
    // classifier units: each holds a Code… and a Name… element, e.g. UnitOKZ/CodeOKZ, UnitOKZ/NameOKZ
    static final String OTF_OKZ = OTF + "/OtherCharacteristicPlus/ListOKZ/UnitOKZ";
    static final String OTF_EKS = OTF + "/OtherCharacteristicPlus/ListEKS/UnitEKS";
    static final String OTF_OKPDTR = OTF + "/OtherCharacteristicPlus/ListOKPDTR/UnitOKPDTR";
    static final String OTF_OKSO = OTF + "/OtherCharacteristicPlus/ListOKSO/UnitOKSO";
    static final String OTF_OKNPO = OTF + "/OtherCharacteristicPlus/ListOKNPO/UnitOKNPO";
    static final String TF = OTF + "/ParticularWorkFunctions/ParticularWorkFunction";
    static final String TF_CODE = TF + "/CodeTF";
    static final String TF_NAME = TF + "/NameTF";
    static final String TF_SUB_LEVEL = TF + "/SubQualification";
    static final String TF_ACTION = TF + "/LaborActions/LaborAction";
    static final String TF_SKILL = TF + "/RequiredSkills/RequiredSkill";
    static final String TF_KNOWLEDGE = TF + "/NecessaryKnowledges/NecessaryKnowledge";

    private MintrudPaths() {
    }
}
