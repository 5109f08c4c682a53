package ru.workready.engine.standards;

import java.util.List;

/**
 * Обобщённая трудовая функция (ОТФ), e.g. A «Разработка и отладка программного кода», level 3.
 * {@code requirements} holds the optional lists of the Ministry's file (education, experience,
 * special conditions, ОКЗ/ЕКС/ОКПДТР/ОКСО).
 */
public record GeneralizedFunction(String code, String name, int qualificationLevel,
                                  List<String> jobTitles, List<LabourFunction> functions,
                                  FunctionRequirements requirements) {
    public GeneralizedFunction {
        jobTitles = List.copyOf(jobTitles);
        functions = List.copyOf(functions);
    }

    public GeneralizedFunction(String code, String name, int qualificationLevel, List<String> jobTitles,
                               List<LabourFunction> functions) {
        this(code, name, qualificationLevel, jobTitles, functions, FunctionRequirements.EMPTY);
    }
}
