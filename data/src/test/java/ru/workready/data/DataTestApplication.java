package ru.workready.data;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the data module alone (repositories, importers, Liquibase) for its tests. */
@SpringBootApplication
public class DataTestApplication {
}
