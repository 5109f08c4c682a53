/** Regional training order (ТОП-Регион) endpoints and page. */
@NullMarked
package ru.workready.api.trainingorder;

import org.jspecify.annotations.NullMarked;
