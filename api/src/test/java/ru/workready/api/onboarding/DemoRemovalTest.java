package ru.workready.api.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import ru.workready.api.ApiTest;
import ru.workready.data.testing.TestDatabase;

/** The demo, loaded into a database of its own, goes with one call and does not come back; real data stays. */
@SpringBootTest(properties = {"workready.admin-key=" + ApiTest.ADMIN_KEY, "workready.demo.enabled=true"})
class DemoRemovalTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext app;

    @Test
    void oneCallRemovesTheDemoAndLeavesTheRealCollege() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String admin = ApiTest.ADMIN_KEY;
        // a real college next to the demo, with a result of its own
        mvc.perform(post("/api/colleges").header(ApiTest.API_KEY_HEADER, admin).contentType("application/json")
                .content("{\"code\": \"REAL\", \"name\": \"Настоящий колледж\", \"region\": \"26\"}"))
                .andExpect(status().isCreated());
        assertThat(count("select count(*) from student s join college c on c.id = s.college_id where c.code = 'DEMO'"))
                .isEqualTo(132);
        assertThat(count("select count(*) from specialty_forecast")).isEqualTo(4);
        assertThat(count("select count(*) from student s join college c on c.id = s.college_id where c.code = 'DEMO2'"))
                .isEqualTo(106);
        assertThat(count("select count(*) from intake_capacity")).isEqualTo(2);
        assertThat(count("select count(*) from employment_record")).isPositive();
        mvc.perform(delete("/api/demo").header(ApiTest.API_KEY_HEADER, admin)).andExpect(status().isBadRequest());

        mvc.perform(delete("/api/demo").param("confirm", "DEMO").header(ApiTest.API_KEY_HEADER, admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.colleges[0]").value("DEMO"))
                .andExpect(jsonPath("$.colleges[1]").value("DEMO2"))
                .andExpect(jsonPath("$.students").value(132 + 106))
                .andExpect(jsonPath("$.employers").value(1));
        assertThat(count("select count(*) from college where demo")).isZero();
        assertThat(count("select count(*) from evidence")).isZero();
        assertThat(count("select count(*) from employer")).isZero();
        assertThat(count("select count(*) from labour_demand")).isZero();
        assertThat(count("select count(*) from region where demo")).isZero();
        assertThat(count("select count(*) from specialty_forecast")).isZero();
        assertThat(count("select count(*) from top_region_entry")).isZero();
        assertThat(count("select count(*) from intake_capacity")).isZero();
        assertThat(count("select count(*) from employment_record")).isZero();
        assertThat(count("select count(*) from professional_standard")).as("standards stay").isEqualTo(5);
        mvc.perform(get("/api/colleges/REAL").header(ApiTest.API_KEY_HEADER, admin)).andExpect(status().isOk());

        // the next start does not load it again
        for (ApplicationRunner runner : app.getBeansOfType(ApplicationRunner.class).values()) {
            if (runner.getClass().getSimpleName().startsWith("DemoData")) {
                runner.run(new DefaultApplicationArguments());
            }
        }
        assertThat(count("select count(*) from college where code in ('DEMO', 'DEMO2')")).isZero();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
