package ru.workready.engine.standards;

import java.util.List;

/**
 * Optional characteristics of a generalized function (ОТФ): требования к образованию и обучению,
 * к опыту практической работы, особые условия допуска к работе, другие характеристики, and the
 * classifiers of its positions (ОКЗ, ЕКС, ОКПДТР, ОКСО, and the older ОКНПО).
 */
public record FunctionRequirements(List<String> education, List<String> experience, List<String> specialConditions,
                                   List<String> otherCharacteristics, List<ClassifierEntry> okz,
                                   List<ClassifierEntry> eks, List<ClassifierEntry> okpdtr,
                                   List<ClassifierEntry> okso, List<ClassifierEntry> oknpo) {
    public static final FunctionRequirements EMPTY = new FunctionRequirements(List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public FunctionRequirements {
        education = List.copyOf(education);
        experience = List.copyOf(experience);
        specialConditions = List.copyOf(specialConditions);
        otherCharacteristics = List.copyOf(otherCharacteristics);
        okz = List.copyOf(okz);
        eks = List.copyOf(eks);
        okpdtr = List.copyOf(okpdtr);
        okso = List.copyOf(okso);
        oknpo = List.copyOf(oknpo);
    }
}
