package ru.workready.data.employers;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Employers, their job profiles, and labour functions as employers name them.
 */
@Service
public class EmployerDirectory {
    private final EmployerRepository employers;

    EmployerDirectory(EmployerRepository employers) {
        this.employers = employers;
    }

    public List<EmployerRepository.Employer> employers() {
        return employers.employers();
    }

    public Optional<EmployerRepository.FunctionRef> currentFunction(String standardCode, String functionCode) {
        return employers.currentFunction(standardCode, functionCode);
    }

    public List<EmployerRepository.JobProfile> profiles(EmployerRepository.Employer employer) {
        return employers.profiles(employer);
    }
}
