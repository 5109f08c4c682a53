/** Students and rosters of a college. */
@NullMarked
package ru.workready.data.students;

import org.jspecify.annotations.NullMarked;
