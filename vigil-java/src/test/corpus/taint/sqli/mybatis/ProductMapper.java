package corpus.taint.sqli.mybatis;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** In MyBatis SQL, #{x} is a bound parameter; ${x} is pasted into the statement. */
@Mapper
public interface ProductMapper {

    @Select("SELECT name FROM products WHERE category = #{category} ORDER BY ${sort}")
    List<String> byCategory(@Param("category") String category, @Param("sort") String sort);

    @Select({"SELECT name FROM products", "WHERE name LIKE CONCAT('%', #{q}, '%')"})
    List<String> search(@Param("q") String q);

    @Delete("DELETE FROM ${table} WHERE id = #{id}")
    int deleteFrom(@Param("table") String table, @Param("id") long id);
}
