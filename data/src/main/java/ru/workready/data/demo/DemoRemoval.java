package ru.workready.data.demo;


import org.springframework.stereotype.Service;

/**
 * Removes the demo data so that a real college starts from its own data only.
 */
@Service
public class DemoRemoval {
    private final DemoRepository demo;

    DemoRemoval(DemoRepository demo) {
        this.demo = demo;
    }

    public DemoRepository.Removed remove() {
        return demo.remove();
    }
}
