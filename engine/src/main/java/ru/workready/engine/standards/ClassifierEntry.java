package ru.workready.engine.standards;

/**
 * One entry of an all-Russian classifier named by a standard: ОКЗ (occupations), ОКВЭД (economic
 * activities), ЕКС (qualification handbook), ОКПДТР (occupations of workers and employees), ОКСО
 * (specialities of education). The Ministry writes "-" where a list has no code.
 */
public record ClassifierEntry(String code, String name) {
}
