package ru.workready.engine.standards;

import java.util.List;

/** Обобщённая трудовая функция (ОТФ), e.g. A «Разработка и отладка программного кода», level 3. */
public record GeneralizedFunction(String code, String name, int qualificationLevel,
                                  List<String> jobTitles, List<LabourFunction> functions) {
    public GeneralizedFunction {
        jobTitles = List.copyOf(jobTitles);
        functions = List.copyOf(functions);
    }
}
